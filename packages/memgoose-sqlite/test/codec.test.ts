/**
 * Type fidelity of the stored form: every value comes back with the same type, value, key order
 * and array order, including the values JSON cannot hold.
 */
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { Binary, Decimal128, Long, MaxKey, MinKey, ObjectId, UUID } from 'memgoose'
import { decodeDocument, encodeValue } from '../src/codec.js'
import { encodeGeneral } from '../src/encode-general.js'
import { collect, openEngine } from './helpers.js'

const roundTrip = (value: Record<string, unknown>) => decodeDocument(encodeValue(value))

describe('codec', () => {
  it('round-trips numbers JSON cannot hold', () => {
    const back = roundTrip({
      nan: Number.NaN,
      inf: Infinity,
      ninf: -Infinity,
      nzero: -0,
      big: 2 ** 60,
    })
    expect(back.nan).toBeNaN()
    expect(back.inf).toBe(Infinity)
    expect(back.ninf).toBe(-Infinity)
    expect(Object.is(back.nzero, -0)).toBe(true)
    expect(back.big).toBe(2 ** 60)
  })

  it('round-trips bson values with their classes', () => {
    const oid = new ObjectId()
    const uuid = new UUID()
    const doc = {
      oid,
      long: Long.fromString('9223372036854775807'),
      dec: Decimal128.fromString('12345678901234567890.123456789'),
      date: new Date(1_700_000_000_123),
      invalid: new Date(Number.NaN),
      bin: new Binary(Buffer.from([1, 2, 3]), 0x80),
      uuid,
      buf: Buffer.from('buffer'),
      u8: new Uint8Array([9, 8, 7]),
      re: /a"b\//gi,
      min: new MinKey(),
      max: new MaxKey(),
    }
    const back = roundTrip(doc)
    expect(back.oid).toBeInstanceOf(ObjectId)
    expect((back.oid as ObjectId).equals(oid)).toBe(true)
    expect(back.long).toEqual(doc.long)
    expect(back.long).toBeInstanceOf(Long)
    expect((back.dec as Decimal128).toString()).toBe('12345678901234567890.123456789')
    expect(back.date).toEqual(doc.date)
    expect(Number.isNaN((back.invalid as Date).getTime())).toBe(true)
    expect(back.bin).toBeInstanceOf(Binary)
    expect((back.bin as Binary).sub_type).toBe(0x80)
    expect([...(back.bin as Binary).buffer]).toEqual([1, 2, 3])
    expect(back.uuid).toBeInstanceOf(UUID)
    expect((back.uuid as UUID).toHexString()).toBe(uuid.toHexString())
    expect(Buffer.isBuffer(back.buf)).toBe(true)
    expect(back.buf).toEqual(doc.buf)
    expect(Buffer.isBuffer(back.u8)).toBe(false)
    expect(back.u8).toEqual(doc.u8)
    expect(back.re).toEqual(/a"b\//gi)
    expect(back.min).toBeInstanceOf(MinKey)
    expect(back.max).toBeInstanceOf(MaxKey)
  })

  it('keeps key order, nested arrays, and `$` keys apart from its own tags', () => {
    const doc = {
      z: 1,
      a: [[1, [2, []]], { b: null }],
      $t: 'date',
      $$x: { $t: 'oid', v: 'not an id' },
      m: new Map([['k', 1]]),
      u: undefined,
    }
    const back = roundTrip(doc)
    expect(Object.keys(back)).toEqual(['z', 'a', '$t', '$$x', 'm', 'u'])
    expect(back).toEqual({ ...doc, m: { k: 1 }, u: null })
  })

  it('finds values by type in SQL as the core would', async () => {
    const engine = await openEngine()
    const c = engine.collection('types')
    const oid = new ObjectId()
    c.insert([
      { _id: 1, v: 5 },
      { _id: 2, v: Long.fromNumber(5) },
      { _id: 3, v: Decimal128.fromString('5') },
      { _id: 4, v: '5' },
      { _id: 5, v: true },
      { _id: 6, v: new Date(5) },
      { _id: 7, v: oid },
      { _id: 8, v: { $t: 'dec', n: 5 } },
      { _id: 9, v: Infinity },
    ])
    const ids = async (filter: Record<string, unknown>) =>
      (await collect(c.scan({ filter }))).map((d) => (d as { _id: number })._id)
    expect(await ids({ v: 5 })).toEqual([1, 2, 3])
    expect(await ids({ v: { $gte: 5 } })).toEqual([1, 2, 3, 9])
    expect(await ids({ v: '5' })).toEqual([4])
    expect(await ids({ v: new Date(5) })).toEqual([6])
    expect(await ids({ v: oid })).toEqual([7])
    expect(await ids({ v: { $eq: { $t: 'dec', n: 5 } } })).toEqual([8])
    expect(await ids({ 'v.$t': 'dec' })).toEqual([8])
    await engine.close()
  })

  it('writes the same text through JSON.stringify as through the general writer', () => {
    const withToJson = Object.assign([1, 2], { toJSON: () => 'x' })
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, $b: 2 })
    const values: unknown[] = [
      'plain',
      'quote " and \\ and \u2028 and \ud800 lone',
      0,
      -0,
      1.5e-300,
      Number.MAX_VALUE,
      Number.NaN,
      Infinity,
      -Infinity,
      true,
      null,
      undefined,
      10n,
      -(2n ** 70n),
      [1, undefined, null, -0, [Infinity]],
      // eslint-disable-next-line no-sparse-arrays
      [1, , 3],
      withToJson,
      { a: undefined, b: () => 1, c: Symbol('s'), d: 1 },
      { toJSON: () => 'no' },
      { 2: 'two', 1: 'one', $t: 'date', $$x: { $t: 'oid' }, z: [{ $y: 1 }] },
      nullProto,
      JSON.parse('{"__proto__": {"a": 1}, "b": 2, "$c": 3}'),
      new Map<string, unknown>([
        ['k', new Date(7)],
        ['$k', 1],
      ]),
      new Date(1_700_000_000_123),
      new Date(Number.NaN),
      new ObjectId(),
      Long.fromString('-9223372036854775808'),
      Decimal128.fromString('NaN'),
      Decimal128.fromString('-0'),
      Decimal128.fromString('1E+6144'),
      Decimal128.fromString('12.5'),
      new Binary(Buffer.from([1, 2, 3]), 0x80),
      new UUID(),
      Buffer.from('buf'),
      new Uint8Array([1, 2, 3]).subarray(1),
      /a"b\//gimsuy,
      new MinKey(),
      new MaxKey(),
      new Int32Array([1, 2]),
      new (class Point {
        x = 1
      })(),
    ]
    for (const value of values) {
      expect(encodeValue(value), inspect(value)).toBe(encodeGeneral(value))
      expect(encodeValue({ _id: 1, nested: { value }, list: [value] })).toBe(
        encodeGeneral({ _id: 1, nested: { value }, list: [value] })
      )
    }
  })
})
