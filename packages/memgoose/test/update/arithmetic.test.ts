import { describe, expect, it } from 'vitest'
import type { StoredDoc } from '../../src/engine/contract.js'
import { applyUpdate, compileUpdate } from '../../src/update/index.js'
import { NotSupportedError } from '../../src/errors/index.js'
import { Decimal128, Long } from '../../src/values/bson.js'

function run(doc: Record<string, unknown>, update: unknown) {
  return applyUpdate(doc as StoredDoc, compileUpdate(update))
}

describe('$inc and $dec', () => {
  it('adds to numbers, nested numbers and array elements', () => {
    const { doc } = run(
      { _id: 1, n: 1, o: { m: 2.5 }, a: [1, 2] },
      { $inc: { n: 2, 'o.m': -1, 'a.1': 3 } }
    )
    expect(doc).toEqual({ _id: 1, n: 3, o: { m: 1.5 }, a: [1, 5] })
  })

  it('sets a missing field to the increment', () => {
    expect(run({ _id: 1 }, { $inc: { 'a.b': 4 } }).doc).toEqual({ _id: 1, a: { b: 4 } })
  })

  it('treats $inc by 0 as no modification', () => {
    expect(run({ _id: 1, n: 5 }, { $inc: { n: 0 } }).modified).toBe(false)
  })

  it('accepts $dec as a negative $inc (memgoose extension)', () => {
    expect(run({ _id: 1, n: 10 }, { $dec: { n: 3 } }).doc.n).toBe(7)
    expect(run({ _id: 1 }, { $dec: { n: 3 } }).doc.n).toBe(-3)
  })

  it('keeps Long arithmetic in Long and promotes to double for fractions', () => {
    const big = Long.fromString('9007199254740993')
    const inc = run({ _id: 1, n: big }, { $inc: { n: 1 } }).doc.n
    expect(inc).toBeInstanceOf(Long)
    expect((inc as Long).toString()).toBe('9007199254740994')
    expect(run({ _id: 1, n: Long.fromInt(2) }, { $inc: { n: 0.5 } }).doc.n).toBe(2.5)
  })

  it('rejects 64-bit overflow instead of wrapping', () => {
    expect(() => run({ _id: 1, n: Long.MAX_VALUE }, { $inc: { n: 1 } })).toThrow(/overflow/)
  })

  it('adds bigints as 64-bit integers', () => {
    expect(run({ _id: 1, n: 10n }, { $inc: { n: 5 } }).doc.n).toBe(15n)
  })

  it('keeps Decimal128 exact: 0.1 + 0.2 is 0.3', () => {
    const { doc } = run(
      { _id: 1, d: Decimal128.fromString('0.1') },
      { $inc: { d: Decimal128.fromString('0.2') } }
    )
    expect(doc.d).toBeInstanceOf(Decimal128)
    expect((doc.d as Decimal128).toString()).toBe('0.3')
    const mixed = run({ _id: 1, d: 1.5 }, { $inc: { d: Decimal128.fromString('1.25') } }).doc.d
    expect((mixed as Decimal128).toString()).toBe('2.75')
    const dec = run(
      { _id: 1, d: Decimal128.fromString('1') },
      { $dec: { d: Decimal128.fromString('0.01') } }
    )
    expect((dec.doc.d as Decimal128).toString()).toBe('0.99')
  })

  it('rounds Decimal128 results to 34 significant digits and refuses NaN arithmetic', () => {
    const third = Decimal128.fromString('0.3333333333333333333333333333333333')
    const { doc } = run({ _id: 1, d: third }, { $mul: { d: 3 } })
    expect((doc.d as Decimal128).toString()).toBe('0.9999999999999999999999999999999999')
    expect(() => run({ _id: 1, d: Decimal128.fromString('NaN') }, { $inc: { d: 1 } })).toThrow(
      NotSupportedError
    )
  })

  it("fails with MongoDB's message on a non-numeric field, leaving the document untouched", () => {
    const input = { _id: 7, s: 'x', n: 1 }
    expect(() => run(input, { $inc: { n: 1, s: 1 } })).toThrow(
      "Cannot apply $inc to a value of non-numeric type. {_id: 7} has the field 's' of non-numeric type string"
    )
    expect(input).toEqual({ _id: 7, s: 'x', n: 1 })
  })

  it('rejects a non-numeric argument at compile time', () => {
    expect(() => compileUpdate({ $inc: { a: '1' } })).toThrow(
      expect.objectContaining({
        code: 'TYPE_MISMATCH',
        message: 'Cannot increment with non-numeric argument: {a: "1"}',
      })
    )
    expect(() => compileUpdate({ $mul: { a: null } })).toThrow(
      /Cannot multiply with non-numeric argument/
    )
  })
})

describe('$mul', () => {
  it('multiplies numbers, Decimal128 exactly', () => {
    expect(run({ _id: 1, n: 3 }, { $mul: { n: 4 } }).doc.n).toBe(12)
    const d = run({ _id: 1, d: Decimal128.fromString('1.1') }, { $mul: { d: 3 } }).doc.d
    expect((d as Decimal128).toString()).toBe('3.3')
  })

  it('sets a missing field to zero of the multiplier type', () => {
    expect(run({ _id: 1 }, { $mul: { n: 5 } }).doc.n).toBe(0)
    expect(run({ _id: 1 }, { $mul: { n: Long.fromInt(5) } }).doc.n).toEqual(Long.fromInt(0))
    expect(run({ _id: 1 }, { $mul: { n: Decimal128.fromString('2') } }).doc.n).toBeInstanceOf(
      Decimal128
    )
  })

  it('gives int 0, not -0, for integral operands', () => {
    expect(Object.is(run({ _id: 1, n: -5 }, { $mul: { n: 0 } }).doc.n, 0)).toBe(true)
  })

  it('fails on non-numbers', () => {
    expect(() => run({ _id: 1, n: [1] }, { $mul: { n: 2 } })).toThrow(
      /Cannot apply \$mul to a value of non-numeric type/
    )
  })
})

describe('$min and $max', () => {
  it('replace only when the argument is lower / higher', () => {
    expect(run({ _id: 1, n: 5 }, { $min: { n: 3 } }).doc.n).toBe(3)
    expect(run({ _id: 1, n: 5 }, { $min: { n: 7 } }).modified).toBe(false)
    expect(run({ _id: 1, n: 5 }, { $max: { n: 7 } }).doc.n).toBe(7)
    expect(run({ _id: 1, n: 5 }, { $max: { n: 5 } }).modified).toBe(false)
  })

  it('set missing fields', () => {
    expect(run({ _id: 1 }, { $min: { n: 3 }, $max: { m: 1 } }).doc).toEqual({ _id: 1, m: 1, n: 3 })
  })

  it('compare across types in MongoDB order (null < numbers < strings < dates)', () => {
    expect(run({ _id: 1, v: 'a' }, { $min: { v: 100 } }).doc.v).toBe(100)
    expect(run({ _id: 1, v: 'a' }, { $max: { v: 100 } }).doc.v).toBe('a')
    expect(run({ _id: 1, v: null }, { $max: { v: 0 } }).doc.v).toBe(0)
    const date = new Date(0)
    expect(run({ _id: 1, v: 'z' }, { $max: { v: date } }).doc.v).toEqual(date)
  })

  it('compare dates by time', () => {
    const early = new Date('2020-01-01')
    const late = new Date('2021-01-01')
    expect(run({ _id: 1, d: late }, { $min: { d: early } }).doc.d).toEqual(early)
  })
})

describe('$bit', () => {
  it('applies and / or / xor in order on ints', () => {
    expect(run({ _id: 1, n: 13 }, { $bit: { n: { and: 10 } } }).doc.n).toBe(8)
    expect(run({ _id: 1, n: 5 }, { $bit: { n: { or: 2, xor: 1 } } }).doc.n).toBe(6)
    expect(run({ _id: 1 }, { $bit: { n: { or: 4 } } }).doc.n).toBe(4)
    expect(run({ _id: 1, n: 7 }, { $bit: { n: { or: 1 } } }).modified).toBe(false)
  })

  it('works on 64 bits for Longs', () => {
    const n = Long.fromString('4294967296')
    const out = run({ _id: 1, n }, { $bit: { n: { or: 1 } } }).doc.n
    expect(out).toBeInstanceOf(Long)
    expect((out as Long).toString()).toBe('4294967297')
  })

  it('rejects bad arguments and non-integer fields', () => {
    expect(() => compileUpdate({ $bit: { n: { not: 1 } } })).toThrow(
      /only supports 'and', 'or', and 'xor'/
    )
    expect(() => compileUpdate({ $bit: { n: { and: 1.5 } } })).toThrow(/must be an Integer/)
    expect(() => compileUpdate({ $bit: { n: 5 } })).toThrow(/must pass in an embedded document/)
    expect(() => run({ _id: 1, n: 1.5 }, { $bit: { n: { and: 1 } } })).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
  })
})
