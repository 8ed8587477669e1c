import { describe, expect, it } from 'vitest'
import type { KeyRange, StoredDoc } from '../../src/engine/contract.js'
import { isPlainKey, mapKeyOf, mapKeyOfEncoded, orderedKeyOf } from '../../src/engine/map-keys.js'
import { createMemoryEngine } from '../../src/engine/memory/index.js'
import { Long, ObjectId } from '../../src/values/bson.js'
import { compareValues } from '../../src/values/compare.js'
import { decodeStringKey, encodeKey, encodeValue } from '../../src/values/keystring.js'

// Strings chosen to look like encodings: a string tag first, an inverted tag first, another value's
// whole encoding, control characters, zeros, UTF-8.
const STRINGS = [
  '',
  'a',
  'alice@example.com',
  '1',
  'null',
  encodeValue('abc'),
  encodeValue(1),
  encodeValue(null),
  '\x13',
  '\x10x',
  '\x1dx',
  '\x1ex',
  '\x0fx',
  '\xe2x',
  '\xefx',
  '\xf0x',
  'à la carte',
  'zéro\x00zéro',
  '\x00',
  '😀 emoji',
  '\uffff',
]
const OTHERS = [
  1,
  -0,
  0,
  2.5,
  NaN,
  null,
  true,
  false,
  new Date(0),
  new ObjectId(),
  Long.fromNumber(7),
]
const VALUES: unknown[] = [...STRINGS, ...OTHERS]

describe('map keys', () => {
  it('decodes exactly the one-string encodings', () => {
    for (const s of STRINGS) expect(decodeStringKey(encodeValue(s))).toBe(s)
    for (const v of OTHERS) expect(decodeStringKey(encodeValue(v))).toBeUndefined()
    // Compound keys that start with a string are not one string.
    expect(decodeStringKey(encodeKey(['a', 'b']))).toBeUndefined()
    expect(decodeStringKey(encodeKey(['a', 1]))).toBeUndefined()
    // Descending keys are inverted: not a string encoding either.
    expect(decodeStringKey(encodeKey(['a'], [-1]))).toBeUndefined()
  })

  it('gives one key per value: equal values share it, different ones never do', () => {
    for (const a of VALUES) {
      for (const b of VALUES) {
        const same = compareValues(a, b) === 0 && typeof a === typeof b
        if (typeof a === 'string' || typeof b === 'string') {
          expect(mapKeyOf(a) === mapKeyOf(b), `${JSON.stringify([a, b])}`).toBe(same)
        } else if (compareValues(a, b) !== 0) {
          expect(mapKeyOf(a)).not.toBe(mapKeyOf(b))
        }
      }
    }
    expect(mapKeyOf(Long.fromNumber(7))).toBe(mapKeyOf(7))
    expect(mapKeyOf(-0)).toBe(mapKeyOf(0))
  })

  it('keeps plain strings as themselves and everything else as its encoding', () => {
    expect(mapKeyOf('alice@example.com')).toBe('alice@example.com')
    expect(mapKeyOf('')).toBe('')
    expect(mapKeyOf(encodeValue('abc'))).toBe(encodeValue(encodeValue('abc')))
    expect(mapKeyOf('\xe2x')).toBe(encodeValue('\xe2x'))
    expect(mapKeyOf(1)).toBe(encodeValue(1))
    expect(isPlainKey('à la carte')).toBe(true)
  })

  it('converts between Map keys, encodings and order both ways', () => {
    for (const v of VALUES) {
      const key = mapKeyOf(v)
      expect(orderedKeyOf(key)).toBe(encodeValue(v))
      expect(mapKeyOfEncoded(encodeValue(v))).toBe(key)
    }
  })
})

describe('memory engine indexes keyed by Map keys', () => {
  async function collection(unique: boolean) {
    const engine = createMemoryEngine()
    await engine.open()
    return engine.collection('c', {
      indexes: [{ name: 'v_1', key: [['v', 1]], unique }],
    })
  }
  const docs = (): StoredDoc[] => VALUES.map((v, i) => ({ _id: i, v }))
  const eq = (v: unknown): KeyRange => ({
    lower: [v],
    upper: [v],
    lowerInclusive: true,
    upperInclusive: true,
  })
  const ids = (batches: Iterable<StoredDoc[]>) => [...batches].flat().map((d) => d._id)

  it('finds each value by equality, by $in and by the general walk', async () => {
    const coll = await collection(false)
    coll.insert(docs())
    for (const v of VALUES) {
      const expected = VALUES.flatMap((w, j) =>
        compareValues(v, w) === 0 && typeof v === typeof w ? [j] : []
      )
      expect(ids(coll.scan({ index: 'v_1', ranges: [eq(v)] })), JSON.stringify(v)).toEqual(expected)
      expect(coll.count({ index: 'v_1', ranges: [eq(v)] })).toBe(expected.length)
      // Two equal ranges: the $in path (several exact intervals, merged into one).
      const both = ids(coll.scan({ index: 'v_1', ranges: [eq(v), eq('zzz-none')] }))
      expect(both).toEqual(expected)
    }
  })

  it('walks the index in value order, before and after the ordered view exists', async () => {
    const coll = await collection(false)
    const all = docs()
    coll.insert(all.slice(0, 10))
    const sorted = (list: StoredDoc[]) =>
      [...list].sort((a, b) => compareValues(a.v, b.v) || (a._id as number) - (b._id as number))
    expect(ids(coll.scan({ index: 'v_1' }))).toEqual(sorted(all.slice(0, 10)).map((d) => d._id))
    // The ordered view now exists: later writes must keep it in order.
    coll.insert(all.slice(10))
    coll.delete([3])
    const left = all.filter((d) => d._id !== 3)
    const walked = ids(coll.scan({ index: 'v_1' }))
    expect(walked.map((id) => all[id as number].v)).toEqual(sorted(left).map((d) => d.v))
    // A string range, [ 'a', 'b' ): 'à la carte' sorts after 'b', strings led by a tag before 'a'.
    const range = ids(
      coll.scan({
        index: 'v_1',
        ranges: [{ lower: ['a'], upper: ['b'], lowerInclusive: true, upperInclusive: false }],
      })
    )
    expect(range.map((id) => all[id as number].v)).toEqual(['a', 'alice@example.com'])
  })

  it('checks uniqueness per value, a plain string never colliding with an encoding', async () => {
    const coll = await collection(true)
    // -0 and 0 are one key: keep one of them.
    const unique = docs().filter((d) => !Object.is(d.v, -0))
    coll.insert(unique)
    expect(() => coll.insert([{ _id: 'dup', v: 'alice@example.com' }])).toThrow(
      expect.objectContaining({ code: 11000, keyValue: { v: 'alice@example.com' } })
    )
    expect(() => coll.insert([{ _id: 'dup', v: '\x13' }])).toThrow(
      expect.objectContaining({ code: 11000 })
    )
    expect(coll.get('dup')).toBeUndefined()
    coll.replace({ _id: 0, v: 'moved' })
    coll.insert([{ _id: 'new', v: '' }])
    expect(ids(coll.scan({ index: 'v_1', ranges: [eq('')] }))).toEqual(['new'])
    expect(ids(coll.scan({ index: 'v_1', ranges: [eq('moved')] }))).toEqual([0])
  })
})
