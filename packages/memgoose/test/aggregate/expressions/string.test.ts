import { describe, expect, it } from 'vitest'
import { evaluate } from './evaluate.js'

describe('string expressions', () => {
  it('$concat joins strings, null/missing gives null', () => {
    expect(evaluate({ $concat: ['a', '$s', 'c'] }, { s: 'b' })).toBe('abc')
    expect(evaluate({ $concat: ['a', '$missing'] })).toBeNull()
    expect(() => evaluate({ $concat: ['a', 1] })).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
  })

  it('substrings by bytes and by code points', () => {
    expect(evaluate({ $substr: ['hello', 1, 3] })).toBe('ell')
    expect(evaluate({ $substrBytes: ['héllo', 0, 3] })).toBe('hé')
    expect(evaluate({ $substrBytes: ['abc', 1, -1] })).toBe('bc')
    expect(() => evaluate({ $substrBytes: ['héllo', 0, 2] })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
    expect(evaluate({ $substrCP: ['a😀bc', 1, 2] })).toBe('😀b')
    expect(evaluate({ $substrCP: [null, 0, 1] })).toBe('')
  })

  it('changes case and compares case-insensitively', () => {
    expect(evaluate({ $toUpper: 'abC' })).toBe('ABC')
    expect(evaluate({ $toLower: '$missing' })).toBe('')
    expect(evaluate({ $toLower: 12 })).toBe('12')
    expect(evaluate({ $strcasecmp: ['ABC', 'abc'] })).toBe(0)
    expect(evaluate({ $strcasecmp: ['b', 'A'] })).toBe(1)
  })

  it('trims whitespace or given characters', () => {
    expect(evaluate({ $trim: { input: '  \t hi \n' } })).toBe('hi')
    expect(evaluate({ $ltrim: { input: 'xxhixx', chars: 'x' } })).toBe('hixx')
    expect(evaluate({ $rtrim: { input: 'xxhixy', chars: 'xy' } })).toBe('xxhi')
    expect(evaluate({ $trim: { input: null } })).toBeNull()
  })

  it('splits strings', () => {
    expect(evaluate({ $split: ['a,b,,c', ','] })).toEqual(['a', 'b', '', 'c'])
    expect(evaluate({ $split: [null, ','] })).toBeNull()
    expect(() => evaluate({ $split: ['a', ''] })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })

  it('matches regular expressions with code point indexes and captures', () => {
    expect(evaluate({ $regexMatch: { input: 'Cat', regex: 'cat', options: 'i' } })).toBe(true)
    expect(evaluate({ $regexMatch: { input: null, regex: 'a' } })).toBe(false)
    expect(evaluate({ $regexFind: { input: 'é-ab12', regex: /([a-z])(\d)?(\d)/ } })).toEqual({
      match: 'b12',
      idx: 3,
      captures: ['b', '1', '2'],
    })
    expect(evaluate({ $regexFind: { input: 'abc', regex: 'z' } })).toBeNull()
    expect(evaluate({ $regexFindAll: { input: 'a1b22', regex: '(\\d)(x)?' } })).toEqual([
      { match: '1', idx: 1, captures: ['1', null] },
      { match: '2', idx: 3, captures: ['2', null] },
      { match: '2', idx: 4, captures: ['2', null] },
    ])
    expect(evaluate({ $regexFindAll: { input: '$missing', regex: 'a' } }, {})).toEqual([])
    expect(evaluate({ $regexMatch: { input: 'a b', regex: 'a b # comment', options: 'x' } })).toBe(
      false
    )
    expect(evaluate({ $regexMatch: { input: 'ab', regex: 'a b # comment', options: 'x' } })).toBe(
      true
    )
    expect(() => evaluate({ $regexMatch: { input: 1, regex: 'a' } })).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
  })

  it('replaces the first or every occurrence', () => {
    expect(evaluate({ $replaceOne: { input: 'a.b.c', find: '.', replacement: '-' } })).toBe('a-b.c')
    expect(evaluate({ $replaceAll: { input: 'a.b.c', find: '.', replacement: '-' } })).toBe('a-b-c')
    expect(evaluate({ $replaceAll: { input: 'abc', find: null, replacement: '-' } })).toBeNull()
  })

  it('measures lengths and finds substrings in code points', () => {
    expect(evaluate({ $strLenCP: 'a😀' })).toBe(2)
    expect(evaluate({ $strLenBytes: 'a😀é' })).toBe(7)
    expect(() => evaluate({ $strLenCP: null })).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
    expect(evaluate({ $indexOfCP: ['a😀bcb', 'b'] })).toBe(2)
    expect(evaluate({ $indexOfCP: ['a😀bcb', 'b', 3] })).toBe(4)
    expect(evaluate({ $indexOfCP: ['abc', 'c', 0, 2] })).toBe(-1)
    expect(evaluate({ $indexOfCP: [null, 'c'] })).toBeNull()
  })
})
