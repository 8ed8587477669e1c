import { describe, expect, it } from 'vitest'
import { evaluate } from './evaluate.js'

const doc = {
  a: { b: 1 },
  list: [{ x: 1 }, { y: 2 }, { x: [3, 4] }, 5, [{ x: 6 }]],
  toString: undefined,
}

describe('field paths', () => {
  it('reads nested fields and maps through arrays', () => {
    expect(evaluate('$a.b', doc)).toBe(1)
    expect(evaluate('$list.x', doc)).toEqual([1, [3, 4], [6]])
    expect(evaluate('$a.b.c', doc)).toBeUndefined()
    expect(evaluate('$list.0', doc)).toEqual([[]])
  })

  it('steps only into plain objects on a two-part path', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { b: 7 })
    expect(evaluate('$a.b', { a: bare })).toBe(7)
    expect(evaluate('$a.getTime', { a: new Date(0) })).toBeUndefined()
    expect(evaluate('$a.length', { a: 'text' })).toBeUndefined()
    expect(evaluate('$a.b', { a: null })).toBeUndefined()
    expect(evaluate('$a.b', { a: [{ b: 1 }, { c: 2 }, { b: 3 }] })).toEqual([1, 3])
  })

  it('never reads inherited members', () => {
    expect(evaluate('$hasOwnProperty', {})).toBeUndefined()
    expect(evaluate('$a.toString', doc)).toBeUndefined()
  })

  it('rejects forbidden path components', () => {
    expect(() => evaluate('$a.__proto__', doc)).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
  })
})

describe('variables', () => {
  it('exposes $$ROOT, $$CURRENT, $$NOW and $$REMOVE', () => {
    expect(evaluate('$$ROOT.a.b', doc)).toBe(1)
    expect(evaluate('$$CURRENT', { q: 1 })).toEqual({ q: 1 })
    expect(evaluate('$$NOW')).toEqual(new Date(0))
    expect(evaluate('$$REMOVE')).toBeUndefined()
  })

  it('binds $let variables, nested scopes shadowing outer ones', () => {
    expect(
      evaluate({ $let: { vars: { x: 2, y: '$a.b' }, in: { $add: ['$$x', '$$y'] } } }, doc)
    ).toBe(3)
    expect(
      evaluate({
        $let: { vars: { x: 1 }, in: { $let: { vars: { x: 10 }, in: { $add: ['$$x', 1] } } } },
      })
    ).toBe(11)
  })

  it('reads user variables and fails on undefined ones', () => {
    expect(evaluate('$$limit', {}, { limit: 4 })).toBe(4)
    expect(() => evaluate('$$nope')).toThrow(expect.objectContaining({ code: 'BAD_EXPRESSION' }))
    expect(() => evaluate({ $let: { vars: { Bad: 1 }, in: 1 } })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
    expect(() => evaluate({ $let: { vars: { __proto__x: 1 }, in: 1 } })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })

  it('$literal leaves its argument unevaluated; $rand is in [0, 1)', () => {
    expect(evaluate({ $literal: { $add: [1, 2] } })).toEqual({ $add: [1, 2] })
    expect(evaluate({ $literal: '$a' }, doc)).toBe('$a')
    const r = evaluate({ $rand: {} }) as number
    expect(r >= 0 && r < 1).toBe(true)
  })

  it('evaluates expression objects and arrays, missing array items becoming null', () => {
    expect(evaluate({ x: '$a.b', y: { z: '$missing' } }, doc)).toEqual({ x: 1, y: {} })
    expect(evaluate(['$a.b', '$missing'], doc)).toEqual([1, null])
  })

  it('rejects unknown operators and mixed operator objects', () => {
    expect(() => evaluate({ $nope: 1 })).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_OPERATOR',
        message: expect.stringContaining('$nope'),
      })
    )
    expect(() => evaluate({ $add: [1], x: 1 })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })
})
