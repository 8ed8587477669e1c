/**
 * Order-preserving index keys. A key tuple is encoded into a string whose characters are all bytes
 * (0x00-0xFF), so that comparing two encodings with `<` (or their bytes with memcmp) orders them as
 * compareValues orders the tuples field by field, in MongoDB's type order.
 *
 * Layout: every value is a type tag byte (0x11 + its type rank) followed by a self-delimiting
 * payload, so no encoding is a prefix of another and a tuple that is a prefix of a longer one sorts
 * first. A descending field has every byte of its encoding inverted (0xFF - b). No tag is 0xFF, even
 * inverted, so `encodeKey(prefix) + KEY_PREFIX_END` sorts after every key extending `prefix`.
 *
 * - numbers (double, int, Long, bigint, Decimal128, Timestamp): the IEEE-754 bits of the value
 *   transformed so their bytes sort numerically (NaN first, -0 = 0), then one byte, or three for the
 *   exact remainder of a 64-bit integer that a double cannot hold. Decimal128 is approximated by its
 *   double value: decimals closer together than a double can tell share a key. Index results are
 *   always re-checked by the core, so the approximation can only widen a scan — except that a unique
 *   index treats such decimals as equal.
 * - strings: UTF-8 (whose byte order is code point order), 0x00 escaped as 00 FF, ended by 00 01.
 * - Date: its time as a number; ObjectId: its 12 bytes; boolean: 00/01; Binary: 4-byte length then
 *   the bytes (MongoDB orders binary by length first); RegExp: source then flags as strings.
 * - arrays: the elements' encodings then 00; objects: per field the value's tag, the name as a
 *   string and the value, then 00.
 */
import { isBinary, isLong } from './bson.js'
import { TypeRank, typeRank } from './type-order.js'
import { fieldsOf, toNumber } from './compare.js'

/** Appended to an encoded prefix, sorts after every key that extends the prefix. */
export const KEY_PREFIX_END = '\xff'

const TAG_BASE = 0x10
const END = '\x00'
const STRING_END = '\x00\x01'
const ESCAPED_ZERO = '\x00\xff'
const NUMBER_EXACT = '\x80'
const NUMBER_EXACT_CODE = 0x80

const floatBytes = new Uint8Array(8)
const floatView = new DataView(floatBytes.buffer)

const tags: string[] = []
for (let rank = 0; rank <= TypeRank.MaxKey; rank++) tags.push(String.fromCharCode(TAG_BASE + rank))

/**
 * Encodes an index key tuple. `directions[i] === -1` makes field `i` sort descending.
 * Two encodings compare with `<`, `===` as their tuples compare with compareValues.
 */
export function encodeKey(values: readonly unknown[], directions?: readonly (1 | -1)[]): string {
  if (values.length === 1) {
    const one = encodeValue(values[0])
    return directions !== undefined && directions[0] === -1 ? invert(one) : one
  }
  let out = ''
  for (let i = 0; i < values.length; i++) {
    const part = encodeValue(values[i])
    out += directions !== undefined && directions[i] === -1 ? invert(part) : part
  }
  return out
}

/**
 * The same encoding as bytes, for stores that compare keys with memcmp (WiredTiger, LMDB, ...):
 * every character of encodeKey is one byte, so this is its latin1 form.
 */
export function encodeKeyBytes(
  values: readonly unknown[],
  directions?: readonly (1 | -1)[]
): Buffer {
  return Buffer.from(encodeKey(values, directions), 'latin1')
}

/** Encodes one value, ascending. */
export function encodeValue(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return encodeDouble(value, TAG_BASE + TypeRank.Number, NUMBER_EXACT_CODE)
    case 'string':
      return tags[TypeRank.String] + encodeString(value)
    case 'boolean':
      return tags[TypeRank.Boolean] + (value ? '\x01' : '\x00')
    case 'bigint':
      return tags[TypeRank.Number] + encodeInteger(value)
    case 'undefined':
      return tags[TypeRank.Null]
  }
  const rank = typeRank(value)
  const tag = tags[rank]
  switch (rank) {
    case TypeRank.Null:
    case TypeRank.MinKey:
    case TypeRank.MaxKey:
      return tag
    case TypeRank.Number:
      if (isLong(value)) return tag + encodeInteger(BigInt(value.toString()))
      return encodeDouble(toNumber(value), TAG_BASE + rank, NUMBER_EXACT_CODE)
    case TypeRank.Timestamp:
      return encodeDouble(toNumber(value), TAG_BASE + rank, NUMBER_EXACT_CODE)
    case TypeRank.Date:
      return encodeDouble((value as Date).getTime(), TAG_BASE + rank)
    case TypeRank.ObjectId:
      return encodeObjectId(value as ObjectIdLike, TAG_BASE + rank)
    case TypeRank.Binary: {
      const bytes = value instanceof Uint8Array ? value : isBinary(value) ? value.buffer : undefined
      const data = bytes ?? new Uint8Array(0)
      const n = data.length
      return (
        tag +
        String.fromCharCode((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff) +
        latin1(data)
      )
    }
    case TypeRank.RegExp:
      return tag + encodeString((value as RegExp).source) + encodeString((value as RegExp).flags)
    case TypeRank.Array: {
      let out = tag
      for (const item of value as unknown[]) out += encodeValue(item)
      return out + END
    }
    default: {
      let out = tag
      const obj = fieldsOf(value as object)
      for (const key of Object.keys(obj)) {
        const field = obj[key]
        out += tags[typeRank(field)] + encodeString(key) + encodeValue(field)
      }
      return out + END
    }
  }
}

interface ObjectIdLike {
  readonly i0?: number
  readonly i1?: number
  readonly i2?: number
  readonly i3?: number
  readonly id?: unknown
  toHexString(): string
}

// Each encoding below is built by one String.fromCharCode call with its tag (and suffix) codes
// included: a single flat string, where concatenating pieces would allocate intermediate (or cons)
// strings that Map lookups must flatten again.

function encodeObjectId(oid: ObjectIdLike, tag: number): string {
  const { i0, i1, i2, i3 } = oid
  // bson 7 keeps the 12 bytes as four 24-bit integers; reading them avoids allocating a Buffer.
  if (i0 !== undefined && i1 !== undefined && i2 !== undefined && i3 !== undefined) {
    return String.fromCharCode(
      tag,
      i0 >>> 16,
      (i0 >>> 8) & 0xff,
      i0 & 0xff,
      i1 >>> 16,
      (i1 >>> 8) & 0xff,
      i1 & 0xff,
      i2 >>> 16,
      (i2 >>> 8) & 0xff,
      i2 & 0xff,
      i3 >>> 16,
      (i3 >>> 8) & 0xff,
      i3 & 0xff
    )
  }
  const id = oid.id
  return (
    String.fromCharCode(tag) +
    latin1(id instanceof Uint8Array ? id : Buffer.from(oid.toHexString(), 'hex'))
  )
}

/**
 * The 8 order-preserving bytes of a double, after the `tag` code (-1: none) and before the
 * `suffix` code (-1: none).
 */
function encodeDouble(n: number, tag = -1, suffix = -1): string {
  if (n !== n) return withCodes('\x00\x00\x00\x00\x00\x00\x00\x00', tag, suffix)
  // Big-endian bytes whatever the platform's order.
  floatView.setFloat64(0, n === 0 ? 0 : n)
  const b = floatBytes
  let b0 = b[0]
  let b1 = b[1]
  let b2 = b[2]
  let b3 = b[3]
  let b4 = b[4]
  let b5 = b[5]
  let b6 = b[6]
  let b7 = b[7]
  // Negatives have every bit flipped, positives only the sign bit.
  if (b0 & 0x80) {
    b0 = ~b0 & 0xff
    b1 = ~b1 & 0xff
    b2 = ~b2 & 0xff
    b3 = ~b3 & 0xff
    b4 = ~b4 & 0xff
    b5 = ~b5 & 0xff
    b6 = ~b6 & 0xff
    b7 = ~b7 & 0xff
  } else {
    b0 |= 0x80
  }
  if (tag < 0) {
    return suffix < 0
      ? String.fromCharCode(b0, b1, b2, b3, b4, b5, b6, b7)
      : String.fromCharCode(b0, b1, b2, b3, b4, b5, b6, b7, suffix)
  }
  return suffix < 0
    ? String.fromCharCode(tag, b0, b1, b2, b3, b4, b5, b6, b7)
    : String.fromCharCode(tag, b0, b1, b2, b3, b4, b5, b6, b7, suffix)
}

function withCodes(body: string, tag: number, suffix: number): string {
  return (
    (tag < 0 ? '' : String.fromCharCode(tag)) +
    body +
    (suffix < 0 ? '' : String.fromCharCode(suffix))
  )
}

/**
 * A 64-bit integer: its nearest double, then the (small) exact remainder, so Longs beyond 2^53
 * stay distinct and still sort among doubles by value.
 */
function encodeInteger(value: bigint): string {
  const approx = Number(value)
  const rest = Number(value - BigInt(approx))
  if (rest === 0) return encodeDouble(approx) + NUMBER_EXACT
  const r = rest > 0 ? rest : rest + 0x10000
  return (
    encodeDouble(approx) + (rest > 0 ? '\x81' : '\x7f') + String.fromCharCode(r >>> 8, r & 0xff)
  )
}

function encodeString(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 0 || c >= 0x80) return encodeUtf8(s)
  }
  return s + STRING_END
}

/**
 * Whether `code` can be the first character of an encoded key: a type tag, ascending or inverted
 * (descending). A string starting with anything else can never be mistaken for an encoding.
 */
export function isTagCode(code: number): boolean {
  return (
    (code >= TAG_BASE && code <= TAG_BASE + TypeRank.MaxKey) ||
    (code >= 0xff - TAG_BASE - TypeRank.MaxKey && code <= 0xff - TAG_BASE)
  )
}

/**
 * The string `s` when `key` is exactly `encodeValue(s)` (one string, ascending), else undefined:
 * the inverse of the string encoding, for keys that stand for a string value.
 */
export function decodeStringKey(key: string): string | undefined {
  if (key.charCodeAt(0) !== TAG_BASE + TypeRank.String || !key.endsWith(STRING_END))
    return undefined
  const body = key.slice(1, -STRING_END.length)
  let ascii = true
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i)
    // A 00 inside is either an escaped zero (00 FF) or the end of a first string (00 01) of a
    // longer key: both leave the fast path, and the second is rejected below.
    if (c === 0 || c >= 0x80) {
      ascii = false
      break
    }
  }
  if (ascii) return body
  let bytes = ''
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i)
    if (c !== 0) bytes += body[i]
    else if (body.charCodeAt(i + 1) === 0xff) {
      bytes += '\x00'
      i++
    } else return undefined
  }
  const s = Buffer.from(bytes, 'latin1').toString('utf8')
  // Only valid UTF-8 comes from an encoding; anything else is some other key.
  return encodeString(s) === key.slice(1) ? s : undefined
}

function encodeUtf8(s: string): string {
  const bytes = Buffer.from(s, 'utf8')
  if (bytes.indexOf(0) === -1) return bytes.toString('latin1') + STRING_END
  let out = ''
  let start = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0) {
      out += bytes.toString('latin1', start, i) + ESCAPED_ZERO
      start = i + 1
    }
  }
  return out + bytes.toString('latin1', start) + STRING_END
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1')
}

function invert(s: string): string {
  let out = ''
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(0xff - s.charCodeAt(i))
  return out
}
