import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../src/query/index.js'

const match = (filter: Record<string, unknown>, doc: Record<string, unknown>): boolean =>
  compileFilter(filter)(doc)

describe('dot paths', () => {
  it('reach into nested objects', () => {
    expect(match({ 'profile.score': 5 }, { profile: { score: 5 } })).toBe(true)
    expect(match({ 'profile.score': 5 }, { profile: { score: 6 } })).toBe(false)
    expect(match({ 'a.b.c': 1 }, { a: { b: { c: 1 } } })).toBe(true)
  })

  it('reach into every subdocument of an array', () => {
    const doc = {
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 5 },
      ],
    }
    expect(match({ 'items.sku': 'b' }, doc)).toBe(true)
    expect(match({ 'items.qty': { $gt: 4 } }, doc)).toBe(true)
    expect(match({ 'items.qty': { $gt: 5 } }, doc)).toBe(false)
  })

  it('matches conditions on different subdocuments without $elemMatch', () => {
    const doc = {
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 5 },
      ],
    }
    expect(match({ 'items.sku': 'a', 'items.qty': 5 }, doc)).toBe(true)
    expect(match({ items: { $elemMatch: { sku: 'a', qty: 5 } } }, doc)).toBe(false)
  })

  it('treat numeric components as positions and as field names', () => {
    expect(match({ 'a.0': 'x' }, { a: ['x', 'y'] })).toBe(true)
    expect(match({ 'a.1': 'x' }, { a: ['x', 'y'] })).toBe(false)
    expect(match({ 'a.0.b': 1 }, { a: [{ b: 1 }] })).toBe(true)
    expect(match({ 'a.0': 'z' }, { a: [{ 0: 'z' }] })).toBe(true)
    expect(match({ 'a.0': 'z' }, { a: { 0: 'z' } })).toBe(true)
    expect(match({ 'a.5': { $exists: true } }, { a: [1] })).toBe(false)
  })

  it('do not enter arrays nested directly in arrays for a field name', () => {
    expect(match({ 'a.b': 1 }, { a: [[{ b: 1 }]] })).toBe(false)
    expect(match({ 'a.0.b': 1 }, { a: [[{ b: 1 }]] })).toBe(true)
  })

  it('over arrays of scalars name nothing', () => {
    expect(match({ 'a.b': 1 }, { a: [1, 2] })).toBe(false)
    expect(match({ 'a.b': null }, { a: [1, 2] })).toBe(false)
    expect(match({ 'a.b': { $exists: false } }, { a: [1, 2] })).toBe(true)
  })

  it('match null where a subdocument lacks the field or the path stops at a scalar', () => {
    expect(match({ 'a.b': null }, { a: [{ b: 1 }, { c: 1 }] })).toBe(true)
    expect(match({ 'a.b': null }, { a: [{ b: 1 }] })).toBe(false)
    expect(match({ 'a.b': null }, { a: 5 })).toBe(true)
    expect(match({ 'a.b': null }, {})).toBe(true)
  })

  it('$exists: false fails as soon as one subdocument has the field', () => {
    expect(match({ 'a.b': { $exists: false } }, { a: [{ c: 1 }, { b: 1 }] })).toBe(false)
    expect(match({ 'a.b': { $exists: false } }, { a: [{ c: 1 }] })).toBe(true)
    expect(match({ 'a.b': { $exists: true } }, { a: [{ c: 1 }, { b: null }] })).toBe(true)
  })
})

describe('$size', () => {
  it('matches arrays of the exact length only', () => {
    expect(match({ a: { $size: 2 } }, { a: [1, 2] })).toBe(true)
    expect(match({ a: { $size: 2 } }, { a: [1] })).toBe(false)
    expect(match({ a: { $size: 0 } }, { a: [] })).toBe(true)
    expect(match({ a: { $size: 0 } }, {})).toBe(false)
    expect(match({ a: { $size: 1 } }, { a: 'x' })).toBe(false)
  })

  it('does not look inside nested arrays, but does follow subdocuments', () => {
    expect(match({ a: { $size: 1 } }, { a: [[1], [2]] })).toBe(false)
    expect(match({ 'a.b': { $size: 2 } }, { a: [{ b: [1] }, { b: [1, 2] }] })).toBe(true)
  })
})

describe('$all', () => {
  it('requires every value, in any order', () => {
    expect(match({ tags: { $all: ['a', 'b'] } }, { tags: ['b', 'c', 'a'] })).toBe(true)
    expect(match({ tags: { $all: ['a', 'b'] } }, { tags: ['a'] })).toBe(false)
    expect(match({ tags: { $all: ['a'] } }, { tags: 'a' })).toBe(true)
  })

  it('with an empty list matches nothing', () => {
    expect(match({ tags: { $all: [] } }, { tags: [] })).toBe(false)
  })

  it('accepts regular expressions and nested arrays', () => {
    expect(match({ tags: { $all: [/^a/, 'z'] } }, { tags: ['apple', 'z'] })).toBe(true)
    expect(match({ a: { $all: [[1, 2]] } }, { a: [[1, 2], 3] })).toBe(true)
    expect(match({ a: { $all: [[1, 2]] } }, { a: [1, 2] })).toBe(true)
  })

  it('combines $elemMatch members', () => {
    const doc = {
      qty: [
        { size: 'S', num: 10 },
        { size: 'M', num: 45 },
      ],
    }
    const f = {
      qty: {
        $all: [{ $elemMatch: { size: 'M', num: { $gt: 40 } } }, { $elemMatch: { num: 10 } }],
      },
    }
    expect(match(f, doc)).toBe(true)
    expect(match(f, { qty: [{ size: 'M', num: 45 }] })).toBe(false)
  })
})

describe('$elemMatch', () => {
  it('object form: one subdocument must satisfy every condition', () => {
    const f = compileFilter({ results: { $elemMatch: { product: 'x', score: { $gte: 8 } } } })
    expect(f({ results: [{ product: 'x', score: 9 }] })).toBe(true)
    expect(
      f({
        results: [
          { product: 'x', score: 7 },
          { product: 'y', score: 9 },
        ],
      })
    ).toBe(false)
    expect(f({ results: { product: 'x', score: 9 } })).toBe(false)
  })

  it('value form: one element must satisfy every operator', () => {
    const f = compileFilter({ scores: { $elemMatch: { $gte: 80, $lt: 85 } } })
    expect(f({ scores: [70, 82] })).toBe(true)
    expect(f({ scores: [70, 90] })).toBe(false)
    expect(match({ a: { $elemMatch: { $ne: 1 } } }, { a: [1, 1] })).toBe(false)
    expect(match({ a: { $elemMatch: { $ne: 1 } } }, { a: [1, 2] })).toBe(true)
  })

  it('object form accepts logical operators and nested paths', () => {
    const f = compileFilter({ a: { $elemMatch: { $or: [{ b: 1 }, { 'c.d': 2 }] } } })
    expect(f({ a: [{ c: { d: 2 } }] })).toBe(true)
    expect(f({ a: [{ b: 2 }] })).toBe(false)
  })

  it('an empty object form matches arrays holding a subdocument', () => {
    expect(match({ a: { $elemMatch: {} } }, { a: [1, { x: 1 }] })).toBe(true)
    expect(match({ a: { $elemMatch: {} } }, { a: [1, 2] })).toBe(false)
  })

  it('follows subdocument arrays on the way', () => {
    const doc = { a: [{ b: [{ c: 1, d: 2 }] }, { b: [{ c: 3, d: 4 }] }] }
    expect(match({ 'a.b': { $elemMatch: { c: 3, d: 4 } } }, doc)).toBe(true)
    expect(match({ 'a.b': { $elemMatch: { c: 1, d: 4 } } }, doc)).toBe(false)
  })
})
