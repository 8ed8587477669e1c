import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../src/query/index.js'

const match = (filter: Record<string, unknown>, doc: Record<string, unknown>): boolean =>
  compileFilter(filter)(doc)

describe('regular expressions', () => {
  it('match strings given as a RegExp value', () => {
    expect(match({ name: /^al/ }, { name: 'alice' })).toBe(true)
    expect(match({ name: /^al/ }, { name: 'Alice' })).toBe(false)
    expect(match({ name: /^al/i }, { name: 'Alice' })).toBe(true)
    expect(match({ name: /1/ }, { name: 1 })).toBe(false)
  })

  it('match strings with $regex and $options', () => {
    expect(match({ name: { $regex: '^al' } }, { name: 'alice' })).toBe(true)
    expect(match({ name: { $regex: '^al', $options: 'i' } }, { name: 'ALICE' })).toBe(true)
    expect(match({ name: { $regex: /^al/, $options: 'i' } }, { name: 'ALICE' })).toBe(true)
    expect(match({ t: { $regex: '^b', $options: 'm' } }, { t: 'a\nb' })).toBe(true)
    expect(match({ t: { $regex: '^b' } }, { t: 'a\nb' })).toBe(false)
    expect(match({ t: { $regex: 'a.b', $options: 's' } }, { t: 'a\nb' })).toBe(true)
    expect(match({ t: { $regex: 'a.b' } }, { t: 'a\nb' })).toBe(false)
  })

  it('support the extended (x) option: whitespace and comments are ignored', () => {
    const f = compileFilter({ t: { $regex: 'a b  # letters\n c[ ]d', $options: 'x' } })
    expect(f({ t: 'abc d' })).toBe(true)
    expect(f({ t: 'a b c d' })).toBe(false)
  })

  it('match any element of an array', () => {
    expect(match({ tags: /^x/ }, { tags: ['a', 'xy'] })).toBe(true)
    expect(match({ tags: /^x/ }, { tags: ['a', 'b'] })).toBe(false)
  })

  it('are stateless even with the g or y flag', () => {
    const f = compileFilter({ a: /a/g })
    expect(f({ a: 'a' })).toBe(true)
    expect(f({ a: 'a' })).toBe(true)
    const g = compileFilter({ a: { $in: [/a/y] } })
    expect(g({ a: 'ba' })).toBe(true)
    expect(g({ a: 'ba' })).toBe(true)
  })

  it('match stored regular expressions with the same pattern and flags', () => {
    expect(match({ a: /x/i }, { a: /x/i })).toBe(true)
    expect(match({ a: /x/i }, { a: /x/ })).toBe(false)
  })
})
