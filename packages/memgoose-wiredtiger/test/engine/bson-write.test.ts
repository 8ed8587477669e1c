/** The fast BSON writer gives exactly the `bson` package's bytes, or steps aside. */
import { serialize } from 'bson'
import { describe, expect, it } from 'vitest'
import { Binary, Decimal128, Long, ObjectId } from 'memgoose'
import { createRandom } from 'memgoose/testing/random'
import { writeDocument } from '../../src/engine/bson-write.js'
import { decodeDocument } from '../../src/engine/codec.js'

const OPTIONS = { checkKeys: false, ignoreUndefined: true } as const
/** Fills the bytes a write must leave alone. */
const UNTOUCHED = 0xab

type Random = () => number
type Doc = Record<string, unknown>

const EDGE_NUMBERS = [
  0,
  -0,
  1,
  -1,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 32 - 1,
  2 ** 53,
  2 ** 53 - 1,
  -(2 ** 53),
  2 ** 53 + 2,
  NaN,
  Infinity,
  -Infinity,
  1.5,
  -1e300,
  Number.MIN_VALUE,
  Number.MAX_VALUE,
]
const EDGE_TIMES = [0, -1, 1, 8.64e15, -8.64e15, 2 ** 32, -(2 ** 32), 2 ** 31, -(2 ** 31) - 1]
const KEYS = [
  '_id',
  'a',
  'name',
  '',
  '0',
  '7',
  '12',
  '$db',
  'a.b',
  'toString',
  'ключ',
  'grüße',
  '東京',
  '🐙',
  'a_rather_long_field_name_beyond_the_short_string_limit',
]
const ASCII = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789.-_@\t\n'
const UNICODE = ['é', 'ß', 'Ж', '東', '京', '€', '\u0080', '\u07ff', '\u0800', '\uffff', '\ufeff']
const ASTRAL = ['🐙', '😀', '𝄞', '\u{10ffff}']
const LONE = ['\ud800', '\udbff', '\udc00', '\udfff']

const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]
const int = (random: Random, n: number) => Math.floor(random() * n)

/** Generates documents; `lossless` ones come back from BSON exactly as they went in. */
class Generator {
  readonly #random: Random
  readonly #lossless: boolean

  constructor(seed: number, lossless: boolean) {
    this.#random = createRandom(seed)
    this.#lossless = lossless
  }

  document(depth = 0): Doc {
    const random = this.#random
    const doc: Doc = !this.#lossless && random() < 0.1 ? Object.create(null) : {}
    if (depth === 0 && random() < 0.7) doc._id = this.#objectId()
    const n = int(random, depth === 0 ? 9 : 5)
    for (let i = 0; i < n; i++) {
      const key = random() < 0.6 ? pick(random, KEYS) : this.#string(12, true)
      if (key === '__proto__' || key.includes('\0')) continue
      doc[key] = this.#value(depth)
    }
    return doc
  }

  #value(depth: number): unknown {
    const random = this.#random
    switch (int(random, depth < 4 ? 11 : 8)) {
      case 0:
        return this.#string(random() < 0.8 ? 12 : 200, false)
      case 1:
        return random() < 0.5 ? pick(random, EDGE_NUMBERS) : int(random, 2000) - 1000
      case 2:
        return random() < 0.5 ? (random() - 0.5) * 10 ** int(random, 30) : random() * 2 ** 40
      case 3:
        return random() < 0.5
      case 4:
        return this.#lossless ? null : random() < 0.5 ? null : undefined
      case 5:
        return this.#date()
      case 6:
        return this.#objectId()
      case 7:
        return this.#string(40, false)
      case 8:
      case 9:
        return this.#array(depth + 1)
      default:
        return this.document(depth + 1)
    }
  }

  #array(depth: number): unknown[] {
    const random = this.#random
    const n = int(random, random() < 0.1 ? 30 : 6)
    const arr: unknown[] = []
    for (let i = 0; i < n; i++) arr.push(this.#value(depth))
    if (!this.#lossless && random() < 0.2) {
      // Holes: past the end, and a deleted element.
      arr.length += 1 + int(random, 3)
      if (arr.length > 1) delete arr[int(random, arr.length)]
    }
    return arr
  }

  #string(maxLength: number, isKey: boolean): string {
    const random = this.#random
    const n = int(random, maxLength + 1)
    const kind = random()
    let s = ''
    for (let i = 0; i < n; i++) {
      const r = random()
      if (kind < 0.5 || r < 0.7) s += ASCII[int(random, ASCII.length)]
      else if (r < 0.85) s += pick(random, UNICODE)
      else if (r < 0.95 || this.#lossless) s += pick(random, ASTRAL)
      else s += pick(random, LONE)
    }
    return isKey && s === '__proto__' ? 'proto' : s
  }

  #date(): Date {
    const random = this.#random
    const r = random()
    if (r < 0.3) return new Date(pick(random, EDGE_TIMES))
    if (r < 0.35 && !this.#lossless) return new Date(NaN)
    return new Date(Math.floor((random() - 0.5) * 2 ** 45))
  }

  #objectId(): ObjectId {
    const bytes = Buffer.alloc(12)
    for (let i = 0; i < 12; i++) bytes[i] = int(this.#random, 256)
    return new ObjectId(bytes)
  }
}

/**
 * Writes `doc` at `offset` into a target of `size` bytes that is a view of a larger, marked
 * buffer, and checks nothing before `offset` or past the target's end changed.
 */
function writeInto(doc: Doc, offset: number, size: number): { end: number; bytes: Buffer } {
  const backing = Buffer.alloc(size + 32, UNTOUCHED)
  const target = backing.subarray(0, size)
  const end = writeDocument(doc, target, offset)
  for (let i = 0; i < offset; i++) expect(backing[i]).toBe(UNTOUCHED)
  for (let i = size; i < backing.length; i++) expect(backing[i]).toBe(UNTOUCHED)
  return { end, bytes: end < 0 ? Buffer.alloc(0) : target.subarray(offset, end) }
}

function expectSameAsBson(doc: Doc, offset = 0): Buffer {
  const expected = serialize(doc, OPTIONS) as Buffer
  const { end, bytes } = writeInto(doc, offset, offset + expected.length)
  expect(end).toBe(offset + expected.length)
  if (!bytes.equals(expected)) expect(bytes.toString('hex')).toBe(expected.toString('hex'))
  return expected
}

/** A document with `depth` documents and arrays nested inside it, alternately. */
function nested(depth: number, leaf: unknown): Doc {
  let value = leaf
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? { d: value } : [value]
  return { root: value }
}

describe('writeDocument', () => {
  it('writes the bson package bytes for generated documents of every supported type', () => {
    const generate = new Generator(0x5eed, false)
    const random = createRandom(7)
    for (let i = 0; i < 3000; i++) {
      const doc = generate.document()
      const expected = expectSameAsBson(doc, int(random, 5))
      // Every too-small target is refused without a byte written past its end.
      const offset = int(random, 3)
      const short = offset + int(random, expected.length)
      expect(writeInto(doc, offset, short).end).toBe(-1)
    }
  })

  it('refuses every target one byte or more too small, at every boundary', () => {
    const doc = new Generator(42, false).document()
    const longest: Doc = {
      ...doc,
      s: 'x'.repeat(100),
      u: 'é'.repeat(50),
      k: { ключ: [1, 2.5, true, null, new Date(5), new ObjectId(), 'grüße'] },
    }
    const size = (serialize(longest, OPTIONS) as Buffer).length
    for (let short = 0; short < size; short++) expect(writeInto(longest, 0, short).end).toBe(-1)
    expectSameAsBson(longest)
  })

  it('writes long strings near the end of the target exactly', () => {
    // Room for the ASCII length but not for 3 bytes a unit: the exact byte count decides.
    for (const text of ['a'.repeat(40), 'é'.repeat(40), '🐙'.repeat(20), 'a\ud800'.repeat(20)]) {
      const expected = expectSameAsBson({ text })
      expect(writeInto({ text }, 0, expected.length - 1).end).toBe(-1)
    }
  })

  it('writes numbers as bson does: int32 when they are one, -0 and the rest doubles', () => {
    for (const n of EDGE_NUMBERS) expectSameAsBson({ n, in: [n, { n }] })
    for (const t of EDGE_TIMES) expectSameAsBson({ at: new Date(t) })
    expectSameAsBson({ invalid: new Date(NaN) })
  })

  it('skips undefined in documents and writes it, and holes, as null in arrays', () => {
    // eslint-disable-next-line no-sparse-arrays
    const doc: Doc = { a: undefined, b: [undefined, , 1], c: { d: undefined }, e: 1 }
    const arr = doc.b as unknown[]
    arr.length = 5
    expectSameAsBson(doc)
    expectSameAsBson(Object.assign(Object.create(null) as Doc, { x: 1, nested: doc }))
    expectSameAsBson({})
    expectSameAsBson({ empty: {}, list: [], deep: [[[]], [{}]] })
  })

  it('writes documents nested up to the depth limit and steps aside past it', () => {
    expectSameAsBson(nested(100, 'x'))
    expect(writeInto(nested(101, 'x'), 0, 4096).end).toBe(-1)
  })

  it('steps aside for values it leaves to the bson package', () => {
    class Custom {
      x = 1
    }
    const cycle: Doc = { a: 1 }
    cycle.self = { back: cycle }
    const unsupported: unknown[] = [
      { toBSON: () => ({ a: 1 }) },
      Object.assign(new Date(0), { toBSON: () => 1 }),
      new Map([['a', 1]]),
      Buffer.from('hi'),
      new Uint8Array(2),
      Long.fromNumber(5),
      Decimal128.fromString('1.5'),
      new Binary(Buffer.from('x')),
      /re/i,
      10n,
      Symbol('s'),
      () => 1,
      new Custom(),
      Object.create({ inherited: 1 }),
      { _bsontype: 'ObjectId' },
      { [Symbol.toStringTag]: 'Date' },
      Object.assign([1], { [Symbol.toStringTag]: 'RegExp' }),
      JSON.parse('{"__proto__": {"polluted": 1}}'),
      cycle,
    ]
    for (const value of unsupported) {
      for (const doc of [{ v: value }, { a: [1, { b: [value] }] }]) {
        expect(writeInto(doc, 0, 4096).end).toBe(-1)
      }
    }
    for (const root of [new Map(), new Date(0), [1], new Custom(), { toBSON: () => ({}) }]) {
      expect(writeDocument(root as Doc, Buffer.alloc(64), 0)).toBe(-1)
    }
  })

  it('steps aside for keys holding NUL, which bson rejects even when their value is undefined', () => {
    for (const key of ['a\0b', '\0', 'é\0']) {
      expect(() => serialize({ [key]: 1 }, OPTIONS)).toThrow()
      expect(() => serialize({ [key]: undefined }, OPTIONS)).toThrow()
      expect(writeInto({ [key]: 1 }, 0, 64).end).toBe(-1)
      expect(writeInto({ ok: { [key]: undefined } }, 0, 64).end).toBe(-1)
    }
  })

  it('steps aside while Object.prototype has an enumerable key, which bson does not write', () => {
    const doc = { a: 1, b: { c: 2 } }
    const proto = Object.prototype as Record<string, unknown>
    proto.polluted = 1
    try {
      expect(writeInto(doc, 0, 64).end).toBe(-1)
    } finally {
      delete proto.polluted
    }
    expectSameAsBson(doc)
  })

  it('refuses an offset that is not a whole non-negative number', () => {
    for (const offset of [-1, 0.5, NaN])
      expect(writeDocument({ a: 1 }, Buffer.alloc(64), offset)).toBe(-1)
  })

  it('round-trips through decodeDocument', () => {
    const generate = new Generator(0xc0de, true)
    for (let i = 0; i < 500; i++) {
      const doc = generate.document()
      const { bytes } = writeInto(doc, 0, 1 << 16)
      expect(decodeDocument(bytes)).toEqual(doc)
    }
  })
})
