import { describe, expect, it } from 'vitest'
import { compareValues } from '../../src/values/compare.js'
import { Binary, Decimal128, Long, MaxKey, MinKey, ObjectId } from '../../src/values/bson.js'
import {
  KEY_PREFIX_END,
  encodeKey,
  encodeKeyBytes,
  encodeValue,
} from '../../src/values/keystring.js'
import { TypeRank } from '../../src/values/type-order.js'

/** Deterministic generator so a failure reproduces. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 0x100000000
  }
}

const STRINGS = [
  '',
  'a',
  'ab',
  'a\0',
  'a\0b',
  'b',
  'B',
  'é',
  'z',
  '\u00ff',
  '\u0100',
  '😀',
  '\uffff',
  'ab😀',
  'ab\uffff',
  '1',
  'null',
]

function randomValue(rand: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]
  switch (Math.floor(rand() * (depth > 1 ? 13 : 15))) {
    case 0:
      return pick([0, -0, 1, -1, 1.5, -1.5, 2 ** 53, -(2 ** 60), 1e-300, Infinity, -Infinity, NaN])
    case 1:
      return Math.floor(rand() * 200) - 100
    case 2:
      return (rand() - 0.5) * 1e6
    case 3:
      return Long.fromNumber(Math.floor(rand() * 200) - 100)
    case 4:
      return Decimal128.fromString(pick(['1', '1.5', '-3', '100', '0.25']))
    case 5:
      return pick(STRINGS)
    case 6:
      return pick(STRINGS) + pick(STRINGS)
    case 7:
      return pick([null, undefined, true, false])
    case 8:
      return new Date(Math.floor(rand() * 4e12) - 1e12)
    case 9:
      return new ObjectId(
        Buffer.from(Array.from({ length: 12 }, () => pick([0, 1, 127, 128, 255])))
      )
    case 10:
      return pick([
        Buffer.from([1, 2]),
        Buffer.from([1]),
        Buffer.from([2]),
        new Binary(Buffer.from([0, 0, 9])),
      ])
    case 11:
      return pick([/a/, /a/i, /b/, /a\0/])
    case 12:
      return pick([new MinKey(), new MaxKey()])
    case 13:
      return Array.from({ length: Math.floor(rand() * 3) }, () => randomValue(rand, depth + 1))
    default: {
      const obj: Record<string, unknown> = {}
      const n = Math.floor(rand() * 3)
      for (let i = 0; i < n; i++) obj[pick(['a', 'b', 'ab', ''])] = randomValue(rand, depth + 1)
      return obj
    }
  }
}

function compareTuples(a: unknown[], b: unknown[], dirs: (1 | -1)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i]) * dirs[i]
    if (c !== 0) return c
  }
  return a.length - b.length
}

const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0)
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

describe('encodeKey', () => {
  it('orders random tuples exactly as compareValues does, field by field', () => {
    const rand = rng(42)
    for (const dirs of [
      [1, 1],
      [1, -1],
      [-1, 1],
    ] as (1 | -1)[][]) {
      const tuples = Array.from({ length: 250 }, () =>
        Array.from({ length: 1 + Math.floor(rand() * 2) }, () => randomValue(rand))
      )
      const keys = tuples.map((t) => encodeKey(t, dirs))
      for (let i = 0; i < tuples.length; i++) {
        for (let j = 0; j < tuples.length; j++) {
          const expected = sign(compareTuples(tuples[i], tuples[j], dirs))
          if (sign(cmp(keys[i], keys[j])) !== expected) {
            throw new Error(`order differs for ${String(tuples[i])} vs ${String(tuples[j])}`)
          }
        }
      }
    }
  })

  it('sorts like compareValues (sort by encoding equals sort by comparator)', () => {
    const rand = rng(7)
    // Wrapped in tuples: Array#sort moves bare undefined values to the end without comparing them.
    const tuples = Array.from({ length: 400 }, () => [randomValue(rand)])
    const byKey = [...tuples].sort((a, b) => cmp(encodeKey(a), encodeKey(b)))
    for (let i = 1; i < byKey.length; i++) {
      expect(compareValues(byKey[i - 1][0], byKey[i][0])).toBeLessThanOrEqual(0)
    }
  })

  it('keeps types apart and numbers of every kind equal by value', () => {
    expect(encodeKey([1])).not.toBe(encodeKey(['1']))
    expect(encodeKey([null])).not.toBe(encodeKey(['null']))
    expect(encodeKey([true])).not.toBe(encodeKey([1]))
    expect(encodeKey([1])).toBe(encodeKey([1.0]))
    expect(encodeKey([1])).toBe(encodeKey([Long.fromNumber(1)]))
    expect(encodeKey([1.5])).toBe(encodeKey([Decimal128.fromString('1.5')]))
    expect(encodeKey([0])).toBe(encodeKey([-0]))
    expect(encodeKey([null])).toBe(encodeKey([undefined]))
    const id = new ObjectId()
    expect(encodeKey([id])).toBe(encodeKey([new ObjectId(id.toHexString())]))
    expect(encodeKey([new Date(5)])).toBe(encodeKey([new Date(5)]))
    expect(encodeKey([new Date(5)])).not.toBe(encodeKey([5]))
  })

  it('keeps 64-bit integers beyond 2^53 distinct and in order', () => {
    const big = Long.fromString('9007199254740993')
    const below = Long.fromString('9007199254740992')
    expect(encodeKey([big])).not.toBe(encodeKey([below]))
    expect(encodeKey([below]) < encodeKey([big])).toBe(true)
    expect(encodeKey([big]) < encodeKey([2 ** 53 + 2])).toBe(true)
    expect(encodeKey([below])).toBe(encodeKey([2 ** 53]))
    expect(encodeKey([BigInt(-5)])).toBe(encodeKey([-5]))
  })

  it('places a prefix before its extensions and prefix + KEY_PREFIX_END after them', () => {
    const rand = rng(3)
    for (let i = 0; i < 300; i++) {
      const prefix = [randomValue(rand)]
      const ext = [...prefix, randomValue(rand)]
      for (const dirs of [
        [1, 1],
        [-1, -1],
        [1, -1],
      ] as (1 | -1)[][]) {
        const p = encodeKey(prefix, dirs)
        const e = encodeKey(ext, dirs)
        expect(p < e && e < p + KEY_PREFIX_END).toBe(true)
      }
    }
  })

  it('uses only byte-sized characters, so encodeKeyBytes sorts the same under memcmp', () => {
    const rand = rng(11)
    const tuples = Array.from({ length: 200 }, () => [randomValue(rand), randomValue(rand)])
    const keys = tuples.map((t) => encodeKey(t, [1, -1]))
    for (const key of keys) for (const ch of key) expect(ch.charCodeAt(0)).toBeLessThan(256)
    const bytes = tuples.map((t) => encodeKeyBytes(t, [1, -1]))
    for (let i = 1; i < tuples.length; i++) {
      expect(sign(Buffer.compare(bytes[i - 1], bytes[i]))).toBe(sign(cmp(keys[i - 1], keys[i])))
    }
  })

  it('orders MinKey and MaxKey around every other value', () => {
    const rand = rng(5)
    for (let i = 0; i < 200; i++) {
      const v = randomValue(rand, 2)
      if (compareValues(v, new MinKey()) === 0 || compareValues(v, new MaxKey()) === 0) continue
      expect(encodeKey([new MinKey()]) < encodeKey([v])).toBe(true)
      expect(encodeKey([v]) < encodeKey([new MaxKey()])).toBe(true)
    }
  })
})

describe('encodeValue of numbers, dates and ObjectIds (built in one piece)', () => {
  // The reference layout: tag byte, then the big-endian IEEE-754 bits with the sign bit set for
  // positives and every bit flipped for negatives, then 0x80 for exact numbers.
  function reference(rank: number, n: number, exactSuffix: boolean): string {
    const view = new DataView(new ArrayBuffer(8))
    view.setFloat64(0, n === 0 ? 0 : n)
    let body = ''
    if (Number.isNaN(n)) body = '\x00'.repeat(8)
    else {
      const negative = (view.getUint8(0) & 0x80) !== 0
      for (let i = 0; i < 8; i++) {
        const b = view.getUint8(i)
        body += String.fromCharCode(negative ? ~b & 0xff : i === 0 ? b | 0x80 : b)
      }
    }
    return String.fromCharCode(0x10 + rank) + body + (exactSuffix ? '\x80' : '')
  }

  it('matches the documented byte layout', () => {
    const rand = rng(7)
    const numbers = [0, -0, 1, -1, 0.5, -0.5, 2 ** 53, -(2 ** 60), 1e-300, Infinity, -Infinity, NaN]
    for (let i = 0; i < 200; i++) numbers.push((rand() - 0.5) * 10 ** Math.floor(rand() * 30))
    for (const n of numbers) {
      expect(encodeValue(n)).toBe(reference(TypeRank.Number, n, true))
      if (Number.isSafeInteger(Math.trunc(n))) {
        const whole = Math.trunc(n) || 0
        expect(encodeValue(Long.fromNumber(whole))).toBe(reference(TypeRank.Number, whole, true))
      }
      if (Number.isFinite(n) && Math.abs(n) < 8.64e15) {
        expect(encodeValue(new Date(n))).toBe(
          reference(TypeRank.Date, new Date(n).getTime(), false)
        )
      }
    }
    for (let i = 0; i < 50; i++) {
      const bytes = Buffer.from(Array.from({ length: 12 }, () => Math.floor(rand() * 256)))
      expect(encodeValue(new ObjectId(bytes))).toBe(
        String.fromCharCode(0x10 + TypeRank.ObjectId) + bytes.toString('latin1')
      )
    }
  })
})

describe('Maps in keys', () => {
  it('encode as the document of their entries, as they are stored', () => {
    const map = new Map<string, unknown>([
      ['a', 1],
      ['b', 'x'],
    ])
    expect(encodeKey([map])).toBe(encodeKey([{ a: 1, b: 'x' }]))
    expect(encodeKey([map])).not.toBe(encodeKey([{}]))
    expect(encodeKey([new Map([['a', 2]])])).not.toBe(encodeKey([new Map([['a', 1]])]))
    expect(compareValues(map, { a: 1, b: 'x' })).toBe(0)
    expect(compareValues(new Map([['a', 2]]), new Map([['a', 1]]))).toBeGreaterThan(0)
  })
})
