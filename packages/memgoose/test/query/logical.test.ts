import { describe, expect, it } from 'vitest'
import { compileFilter, isFilterEmpty } from '../../src/query/index.js'

const match = (filter: Record<string, unknown>, doc: Record<string, unknown>): boolean =>
  compileFilter(filter)(doc)

describe('$and, $or, $nor', () => {
  it('$and requires every clause', () => {
    const f = compileFilter({ $and: [{ a: 1 }, { b: 2 }] })
    expect(f({ a: 1, b: 2 })).toBe(true)
    expect(f({ a: 1, b: 3 })).toBe(false)
  })

  it('$and lets several conditions target the same field', () => {
    const f = compileFilter({ $and: [{ a: { $gt: 1 } }, { a: { $lt: 5 } }] })
    expect(f({ a: 3 })).toBe(true)
    expect(f({ a: 7 })).toBe(false)
  })

  it('$or requires some clause', () => {
    const f = compileFilter({ $or: [{ a: 1 }, { b: 2 }] })
    expect(f({ a: 1 })).toBe(true)
    expect(f({ b: 2 })).toBe(true)
    expect(f({ a: 2, b: 1 })).toBe(false)
  })

  it('ANDs the siblings of $or with it', () => {
    const f = compileFilter({ status: 'active', $or: [{ a: 1 }, { b: 2 }] })
    expect(f({ status: 'active', a: 1 })).toBe(true)
    expect(f({ status: 'inactive', a: 1 })).toBe(false)
    expect(f({ status: 'active', a: 2 })).toBe(false)
  })

  it('$nor requires no clause', () => {
    const f = compileFilter({ $nor: [{ a: 1 }, { b: 2 }] })
    expect(f({ a: 2, b: 1 })).toBe(true)
    expect(f({})).toBe(true)
    expect(f({ b: 2 })).toBe(false)
  })

  it('nests logical operators', () => {
    const f = compileFilter({
      $or: [{ $and: [{ a: 1 }, { b: 1 }] }, { $nor: [{ c: { $exists: true } }] }],
    })
    expect(f({ a: 1, b: 1, c: 1 })).toBe(true)
    expect(f({ a: 1 })).toBe(true)
    expect(f({ a: 1, c: 0 })).toBe(false)
  })
})

describe('$not', () => {
  it('negates an operator object, matching missing fields', () => {
    const f = compileFilter({ a: { $not: { $gt: 5 } } })
    expect(f({ a: 3 })).toBe(true)
    expect(f({ a: 6 })).toBe(false)
    expect(f({})).toBe(true)
    expect(f({ a: 'x' })).toBe(true)
  })

  it('negates the conjunction of several operators', () => {
    const f = compileFilter({ a: { $not: { $gt: 1, $lt: 5 } } })
    expect(f({ a: 3 })).toBe(false)
    expect(f({ a: 7 })).toBe(true)
  })

  it('negates a regular expression', () => {
    const f = compileFilter({ name: { $not: /^a/i } })
    expect(f({ name: 'Bob' })).toBe(true)
    expect(f({ name: 'alice' })).toBe(false)
  })

  it('fails when any array element satisfies the inner condition', () => {
    expect(match({ a: { $not: { $gt: 5 } } }, { a: [1, 9] })).toBe(false)
    expect(match({ a: { $not: { $gt: 5 } } }, { a: [1, 2] })).toBe(true)
  })
})

describe('$comment and empty filters', () => {
  it('ignores $comment', () => {
    expect(match({ $comment: 'why', a: 1 }, { a: 1 })).toBe(true)
    expect(match({ $comment: 'why', a: 1 }, { a: 2 })).toBe(false)
  })

  it('an empty filter matches everything', () => {
    expect(compileFilter({})({ a: 1 })).toBe(true)
    expect(compileFilter(undefined)({})).toBe(true)
  })

  it('isFilterEmpty recognises filters without conditions', () => {
    expect(isFilterEmpty({})).toBe(true)
    expect(isFilterEmpty(null)).toBe(true)
    expect(isFilterEmpty({ $comment: 'x' })).toBe(true)
    expect(isFilterEmpty({ a: 1 })).toBe(false)
  })
})
