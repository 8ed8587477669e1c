/** The fast BSON reader gives exactly what the `bson` package gives, or steps aside. */
import { deserialize, serialize } from 'bson'
import { describe, expect, it } from 'vitest'
import { Binary, Decimal128, Long, ObjectId } from 'memgoose'
import { readDocument } from '../../src/engine/bson-read.js'
import { decodeDocument, encodeDocument } from '../../src/engine/codec.js'

const OPTIONS = { promoteBuffers: false, promoteLongs: false, promoteValues: true } as const
const bytes = (doc: Record<string, unknown>) => serialize(doc) as Buffer

describe('readDocument', () => {
  it('reads the common types exactly as the bson package does', () => {
    const doc = {
      _id: new ObjectId(),
      d: 1.5,
      negZero: -0,
      nan: NaN,
      big: 2 ** 40,
      i: -7,
      s: 'plain',
      long: 'a considerably longer ascii string, past the short-string loop',
      utf: 'grüße, 東京 🐙',
      bom: '\ufeffstarts with a BOM',
      empty: '',
      t: true,
      f: false,
      n: null,
      date: new Date(Date.UTC(1901, 0, 2, 3, 4, 5, 6)),
      future: new Date(8_000_000_000_000),
      nested: { a: [1, 'two', { three: [null, [4]] }], ключ: 'значение' },
      arr: [],
    }
    const b = bytes(doc)
    const fast = readDocument(b)
    expect(fast).toEqual(deserialize(b, OPTIONS))
    expect(Object.is(fast?.negZero, -0)).toBe(true)
    expect(Object.keys(fast!)).toEqual(Object.keys(doc))
  })

  it('steps aside for types it does not read, and for a __proto__ key', () => {
    for (const value of [
      Long.fromNumber(5),
      new Binary(Buffer.from('x')),
      Decimal128.fromString('1.5'),
      /re/i,
    ]) {
      expect(readDocument(bytes({ a: { b: [value] } }))).toBeUndefined()
    }
    const proto = Buffer.from(serialize(JSON.parse('{"__proto__": {"polluted": 1}}')))
    expect(readDocument(proto)).toBeUndefined()
  })

  it('steps aside for malformed bytes instead of looping or reading past the end', () => {
    const b = bytes({ s: 'hello', o: { x: 1 } })
    expect(readDocument(b.subarray(0, b.length - 3))).toBeUndefined()
    const badSize = Buffer.from(b)
    badSize.writeInt32LE(1000, 7)
    expect(readDocument(badSize)).toBeUndefined()
    const badUtf8 = bytes({ s: 'abcdefghijklmnopqrstuvwxyz' })
    badUtf8[15] = 0xff
    expect(readDocument(badUtf8)).toBeUndefined()
  })
})

describe('decodeDocument', () => {
  it('round-trips documents on both the fast path and the bson path', () => {
    const common = { _id: new ObjectId(), tags: ['a', 'b'], at: new Date(0), n: 3 }
    expect(decodeDocument(encodeDocument(common))).toEqual(common)
    const rare = { _id: 1, buf: Buffer.from('hi'), long: Long.fromNumber(9), nested: [{ x: 1.25 }] }
    expect(decodeDocument(encodeDocument(rare))).toEqual(rare)
  })
})
