/**
 * Total order over stored values with MongoDB's semantics: first by type bracket (see type-order.ts),
 * then by value within the bracket. Numbers of every kind (double, int, Long, Decimal128) compare
 * numerically; strings compare by code point (as MongoDB's binary collation compares UTF-8 bytes);
 * objects compare field by field in stored order; arrays element by element.
 */
import { isBinary, isDecimal128, isLong } from './bson.js'
import { TypeRank, typeRank } from './type-order.js'

/** Compares two stored values; negative, zero or positive like a sort comparator. */
export function compareValues(a: unknown, b: unknown): number {
  // Fast paths for the overwhelmingly common same-type primitives.
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b)
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b)
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  switch (ra) {
    case TypeRank.Null:
    case TypeRank.MinKey:
    case TypeRank.MaxKey:
      return 0
    case TypeRank.Number: {
      // 64-bit integers beyond 2^53 must not collapse onto the same double.
      const ia = exactInteger(a)
      const ib = exactInteger(b)
      if (ia !== undefined && ib !== undefined) return ia < ib ? -1 : ia > ib ? 1 : 0
      if (ia !== undefined && typeof b === 'number') return compareIntegerToDouble(ia, b)
      if (ib !== undefined && typeof a === 'number') return -compareIntegerToDouble(ib, a)
      return compareNumbers(toNumber(a), toNumber(b))
    }
    case TypeRank.String:
      return compareStrings(a as string, b as string)
    case TypeRank.Boolean:
      return (a ? 1 : 0) - (b ? 1 : 0)
    case TypeRank.Date:
      return compareNumbers((a as Date).getTime(), (b as Date).getTime())
    case TypeRank.ObjectId:
      return compareStrings(
        (a as { toHexString(): string }).toHexString(),
        (b as { toHexString(): string }).toHexString()
      )
    case TypeRank.Array:
      return compareArrays(a as unknown[], b as unknown[])
    case TypeRank.Binary:
      return compareBytes(bytesOf(a), bytesOf(b))
    case TypeRank.RegExp: {
      const ra2 = a as RegExp
      const rb2 = b as RegExp
      return compareStrings(ra2.source, rb2.source) || compareStrings(ra2.flags, rb2.flags)
    }
    case TypeRank.Timestamp:
      return compareNumbers(toNumber(a), toNumber(b))
    default:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>)
  }
}

/** Numbers in MongoDB order: NaN sorts before every other number and equals itself. */
export function compareNumbers(a: number, b: number): number {
  if (a < b) return -1
  if (a > b) return 1
  if (a === b) return 0
  const an = Number.isNaN(a)
  const bn = Number.isNaN(b)
  return an === bn ? 0 : an ? -1 : 1
}

/**
 * Strings by Unicode code point. JavaScript's `<` compares UTF-16 code units, which disagrees with
 * code point order only when both differing units are at or above 0xD800 (surrogates vs U+E000..U+FFFF).
 */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i)
    let y = b.charCodeAt(i)
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) {
        x = x < 0xe000 ? x + 0x2000 : x - 0x800
        y = y < 0xe000 ? y + 0x2000 : y - 0x800
      }
      return x - y
    }
  }
  return a.length - b.length
}

/** The numeric value of any number-bracket value (Long and Decimal128 become doubles). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (isLong(value)) return value.toNumber()
  if (isDecimal128(value)) return Number.parseFloat(value.toString())
  if (typeof value === 'object' && value !== null && 'toNumber' in value) {
    return (value as { toNumber(): number }).toNumber()
  }
  return Number.NaN
}

/** A Long or bigint as an exact bigint (undefined for other numbers). */
function exactInteger(value: unknown): bigint | undefined {
  if (typeof value === 'bigint') return value
  if (isLong(value)) return value.toBigInt()
  return undefined
}

/**
 * A 64-bit integer against a double, exactly (as MongoDB compares NumberLong with double): through a
 * double, 2^53 + 1 would equal 2^53.
 */
function compareIntegerToDouble(i: bigint, d: number): number {
  if (Number.isNaN(d)) return 1
  if (d === Infinity) return -1
  if (d === -Infinity) return 1
  const floor = Math.floor(d)
  const whole = BigInt(floor)
  if (i !== whole) return i < whole ? -1 : 1
  return d === floor ? 0 : -1
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i])
    if (c !== 0) return c
  }
  return a.length - b.length
}

/**
 * The fields of an object-ranked value: a Map stands for the document of its entries (as it is
 * stored), anything else for itself.
 */
export function fieldsOf(value: object): Record<string, unknown> {
  return value instanceof Map ? Object.fromEntries(value) : (value as Record<string, unknown>)
}

function compareObjects(x: Record<string, unknown>, y: Record<string, unknown>): number {
  const a = fieldsOf(x)
  const b = fieldsOf(y)
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  const n = Math.min(ka.length, kb.length)
  for (let i = 0; i < n; i++) {
    const va = a[ka[i]]
    const vb = b[kb[i]]
    const byType = typeRank(va) - typeRank(vb)
    if (byType !== 0) return byType
    const byName = compareStrings(ka[i], kb[i])
    if (byName !== 0) return byName
    const byValue = compareValues(va, vb)
    if (byValue !== 0) return byValue
  }
  return ka.length - kb.length
}

function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value
  if (isBinary(value)) return value.buffer
  return new Uint8Array(0)
}

/** Binary data as MongoDB orders it: by length first, then byte by byte. */
function compareBytes(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) return a.length - b.length
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}

/** Equality under MongoDB's rules (`1` equals `1.0` and `Decimal128('1')`, object field order matters). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  const ta = typeof a
  const tb = typeof b
  if (ta === 'number' && tb === 'number') return Number.isNaN(a) && Number.isNaN(b)
  if (ta === 'string' || tb === 'string' || ta === 'boolean' || tb === 'boolean') return false
  return compareValues(a, b) === 0
}
