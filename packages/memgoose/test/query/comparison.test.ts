import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../src/query/index.js'
import { Binary, Decimal128, Long, ObjectId } from '../../src/values/bson.js'

const match = (filter: Record<string, unknown>, doc: Record<string, unknown>): boolean =>
  compileFilter(filter)(doc)

describe('implicit equality and $eq', () => {
  it('matches scalars by value and type', () => {
    expect(match({ a: 1 }, { a: 1 })).toBe(true)
    expect(match({ a: 1 }, { a: '1' })).toBe(false)
    expect(match({ a: 'x' }, { a: 'x' })).toBe(true)
    expect(match({ a: true }, { a: 1 })).toBe(false)
    expect(match({ a: { $eq: 2 } }, { a: 2 })).toBe(true)
    expect(match({ a: { $eq: 2 } }, { a: 3 })).toBe(false)
  })

  it('compares numbers of every kind by value', () => {
    expect(match({ a: 5 }, { a: Long.fromNumber(5) })).toBe(true)
    expect(match({ a: 5 }, { a: Decimal128.fromString('5.0') })).toBe(true)
    expect(match({ a: Long.fromNumber(7) }, { a: 7 })).toBe(true)
    expect(match({ a: Decimal128.fromString('2.5') }, { a: 2.5 })).toBe(true)
    expect(match({ a: 5 }, { a: Long.fromNumber(6) })).toBe(false)
    expect(match({ a: 0 }, { a: -0 })).toBe(true)
  })

  it('compares Dates, ObjectIds and Binary by value', () => {
    const id = new ObjectId()
    expect(match({ _id: id }, { _id: new ObjectId(id.toHexString()) })).toBe(true)
    expect(match({ _id: id }, { _id: new ObjectId() })).toBe(false)
    expect(match({ _id: id }, { _id: id.toHexString() })).toBe(false)
    expect(match({ d: new Date(1000) }, { d: new Date(1000) })).toBe(true)
    expect(match({ d: new Date(1000) }, { d: 1000 })).toBe(false)
    const bin = new Binary(Buffer.from([1, 2, 3]))
    expect(match({ b: bin }, { b: new Binary(Buffer.from([1, 2, 3])) })).toBe(true)
    expect(match({ b: bin }, { b: new Binary(Buffer.from([1, 2, 4])) })).toBe(false)
  })

  it('compares embedded documents exactly and in field order', () => {
    expect(match({ a: { x: 1, y: 2 } }, { a: { x: 1, y: 2 } })).toBe(true)
    expect(match({ a: { x: 1, y: 2 } }, { a: { y: 2, x: 1 } })).toBe(false)
    expect(match({ a: { x: 1 } }, { a: { x: 1, y: 2 } })).toBe(false)
    expect(match({ a: {} }, { a: {} })).toBe(true)
    expect(match({ a: {} }, { a: { x: 1 } })).toBe(false)
  })

  it('matches an array operand against the whole array, and any element against a scalar', () => {
    expect(match({ a: [1, 2] }, { a: [1, 2] })).toBe(true)
    expect(match({ a: [1, 2] }, { a: [2, 1] })).toBe(false)
    expect(match({ a: [1, 2] }, { a: [[1, 2], 3] })).toBe(true)
    expect(match({ a: 2 }, { a: [1, 2, 3] })).toBe(true)
    expect(match({ a: 5 }, { a: [[5]] })).toBe(false)
  })

  it('treats null as matching null and missing fields, but not empty arrays', () => {
    expect(match({ a: null }, { a: null })).toBe(true)
    expect(match({ a: null }, {})).toBe(true)
    expect(match({ a: null }, { a: 0 })).toBe(false)
    expect(match({ a: null }, { a: [] })).toBe(false)
    expect(match({ a: null }, { a: [1, null] })).toBe(true)
    expect(match({ a: { $eq: null } }, { b: 1 })).toBe(true)
  })

  it('matches NaN only with NaN', () => {
    expect(match({ a: NaN }, { a: NaN })).toBe(true)
    expect(match({ a: NaN }, { a: 1 })).toBe(false)
    expect(match({ a: 1 }, { a: NaN })).toBe(false)
  })

  it('matches a stored regular expression only with $eq, not as a pattern', () => {
    expect(match({ a: { $eq: /x/ } }, { a: 'x' })).toBe(false)
    expect(match({ a: { $eq: /x/ } }, { a: /x/ })).toBe(true)
  })
})

describe('$ne', () => {
  it('matches missing fields and fields with other values', () => {
    expect(match({ a: { $ne: 1 } }, {})).toBe(true)
    expect(match({ a: { $ne: 1 } }, { a: 2 })).toBe(true)
    expect(match({ a: { $ne: 1 } }, { a: 1 })).toBe(false)
  })

  it('fails when any array element is equal', () => {
    expect(match({ a: { $ne: 1 } }, { a: [2, 1] })).toBe(false)
    expect(match({ a: { $ne: 1 } }, { a: [2, 3] })).toBe(true)
  })

  it('$ne: null matches only present non-null values', () => {
    expect(match({ a: { $ne: null } }, { a: 0 })).toBe(true)
    expect(match({ a: { $ne: null } }, { a: null })).toBe(false)
    expect(match({ a: { $ne: null } }, {})).toBe(false)
    expect(match({ 'a.b': { $ne: null } }, { a: [{ b: 1 }, { c: 1 }] })).toBe(false)
  })
})

describe('$gt $gte $lt $lte', () => {
  it('compares numbers', () => {
    const f = compileFilter({ age: { $gte: 20, $lt: 40 } })
    expect(f({ age: 20 })).toBe(true)
    expect(f({ age: 39.9 })).toBe(true)
    expect(f({ age: 40 })).toBe(false)
    expect(f({ age: 19 })).toBe(false)
    expect(f({})).toBe(false)
    expect(match({ a: { $gt: 1 } }, { a: Long.fromNumber(2) })).toBe(true)
    expect(match({ a: { $lte: Decimal128.fromString('1.5') } }, { a: 1.5 })).toBe(true)
  })

  it('never compares across type brackets', () => {
    expect(match({ a: { $gt: 1 } }, { a: 'z' })).toBe(false)
    expect(match({ a: { $lt: 'a' } }, { a: 1 })).toBe(false)
    expect(match({ a: { $gt: new Date(0) } }, { a: 5 })).toBe(false)
    expect(match({ a: { $lt: 5 } }, { a: null })).toBe(false)
    expect(match({ a: { $lt: 5 } }, {})).toBe(false)
    expect(match({ a: { $gte: false } }, { a: 0 })).toBe(false)
  })

  it('compares strings by code point and Dates by time', () => {
    expect(match({ s: { $gt: 'apple' } }, { s: 'banana' })).toBe(true)
    expect(match({ s: { $gt: 'apple' } }, { s: 'Zebra' })).toBe(false)
    expect(match({ d: { $gte: new Date(100) } }, { d: new Date(100) })).toBe(true)
    expect(match({ d: { $lt: new Date(100) } }, { d: new Date(100) })).toBe(false)
  })

  it('$gte/$lte null match null and missing; $gt/$lt null match nothing', () => {
    expect(match({ a: { $gte: null } }, {})).toBe(true)
    expect(match({ a: { $lte: null } }, { a: null })).toBe(true)
    expect(match({ a: { $gt: null } }, { a: 1 })).toBe(false)
    expect(match({ a: { $lt: null } }, { a: null })).toBe(false)
  })

  it('treats NaN as equal to NaN and unordered against numbers', () => {
    expect(match({ a: { $lt: 5 } }, { a: NaN })).toBe(false)
    expect(match({ a: { $gt: 5 } }, { a: NaN })).toBe(false)
    expect(match({ a: { $gte: NaN } }, { a: NaN })).toBe(true)
    expect(match({ a: { $gt: NaN } }, { a: NaN })).toBe(false)
    expect(match({ a: { $lt: NaN } }, { a: 1 })).toBe(false)
  })

  it('matches when any array element satisfies each bound independently', () => {
    expect(match({ a: { $gt: 5, $lt: 10 } }, { a: [1, 20] })).toBe(true)
    expect(match({ a: { $gt: 5 } }, { a: [1, 2] })).toBe(false)
  })

  it('compares arrays as a whole against an array operand', () => {
    expect(match({ a: { $gt: [1, 2] } }, { a: [1, 3] })).toBe(true)
    expect(match({ a: { $gt: [1, 2] } }, { a: [1, 1] })).toBe(false)
  })

  it('compares embedded documents field by field', () => {
    expect(match({ a: { $gt: { x: 1 } } }, { a: { x: 2 } })).toBe(true)
    expect(match({ a: { $gt: { x: 1 } } }, { a: { x: 0 } })).toBe(false)
  })
})

describe('$in and $nin', () => {
  it('matches any listed value, element-wise over arrays', () => {
    expect(match({ a: { $in: [1, 2] } }, { a: 2 })).toBe(true)
    expect(match({ a: { $in: [1, 2] } }, { a: 3 })).toBe(false)
    expect(match({ a: { $in: [1, 2] } }, { a: [5, 1] })).toBe(true)
    expect(match({ a: { $in: ['1'] } }, { a: 1 })).toBe(false)
    expect(match({ a: { $in: [] } }, { a: 1 })).toBe(false)
  })

  it('handles null, NaN, regular expressions, objects and numeric kinds', () => {
    expect(match({ a: { $in: [null] } }, {})).toBe(true)
    expect(match({ a: { $in: [null, 1] } }, { a: 2 })).toBe(false)
    expect(match({ a: { $in: [NaN] } }, { a: NaN })).toBe(true)
    expect(match({ a: { $in: [/^ab/] } }, { a: 'abc' })).toBe(true)
    expect(match({ a: { $in: [/^ab/] } }, { a: 'cab' })).toBe(false)
    expect(match({ a: { $in: [{ x: 1 }] } }, { a: { x: 1 } })).toBe(true)
    expect(match({ a: { $in: [3] } }, { a: Long.fromNumber(3) })).toBe(true)
    const id = new ObjectId()
    expect(match({ a: { $in: [new ObjectId(id.toHexString())] } }, { a: id })).toBe(true)
  })

  it('$nin matches missing fields and fails when any element is listed', () => {
    expect(match({ a: { $nin: [1] } }, {})).toBe(true)
    expect(match({ a: { $nin: [1] } }, { a: [2, 1] })).toBe(false)
    expect(match({ a: { $nin: [null] } }, {})).toBe(false)
    expect(match({ a: { $nin: [1, 2] } }, { a: 3 })).toBe(true)
  })
})

describe('64-bit integers', () => {
  it('orders bigint and Long values exactly, also against doubles', () => {
    const big = 2n ** 60n
    expect(compileFilter({ n: { $gt: 10n } })({ n: 50n })).toBe(true)
    expect(compileFilter({ n: { $gt: 10 } })({ n: 50n })).toBe(true)
    expect(compileFilter({ n: { $lt: 10n } })({ n: 50 })).toBe(false)
    // Neighbours beyond 2^53 are one apart as integers but the same double.
    expect(compileFilter({ n: { $gt: big } })({ n: big + 1n })).toBe(true)
    expect(
      compileFilter({ n: { $gt: Long.fromBigInt(big) } })({ n: Long.fromBigInt(big + 1n) })
    ).toBe(true)
    expect(compileFilter({ n: { $gte: big + 1n } })({ n: big })).toBe(false)
  })
})

describe('numbers of different kinds', () => {
  it('$in with Decimal128 or Long members matches equal plain numbers, as $eq does', () => {
    expect(compileFilter({ n: { $in: [Decimal128.fromString('2.5')] } })({ n: 2.5 })).toBe(true)
    expect(compileFilter({ n: { $eq: Decimal128.fromString('2.5') } })({ n: 2.5 })).toBe(true)
    expect(compileFilter({ n: { $in: [Long.fromNumber(3)] } })({ n: 3 })).toBe(true)
    expect(compileFilter({ n: { $in: [Long.fromNumber(3)] } })({ n: 4 })).toBe(false)
  })

  it('NaN satisfies no range with a 64-bit operand', () => {
    expect(compileFilter({ n: { $lte: Long.fromNumber(5) } })({ n: Number.NaN })).toBe(false)
    expect(compileFilter({ n: { $lt: 5n } })({ n: Number.NaN })).toBe(false)
    expect(compileFilter({ n: { $lt: 5 } })({ n: Number.NaN })).toBe(false)
  })
})
