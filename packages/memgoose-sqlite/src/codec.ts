/**
 * The stored form of a document: JSON text that SQLite's JSON functions can read on any path, with
 * every non-JSON value written as a tagged object so it round-trips exactly.
 *
 * - A tagged value is an object whose first key is `"$t"`: `{"$t":"date","v":ms}`,
 *   `{"$t":"oid","v":hex}`, `{"$t":"long","v":"123","n":123}`, `{"$t":"dec","v":"1.5","n":1.5}`,
 *   `{"$t":"bin","v":base64,"s":subtype,"k":kind}`, `{"$t":"re","v":source,"f":flags}`,
 *   `{"$t":"nan"}`, `{"$t":"min"}`, `{"$t":"max"}`. Numeric tags carry `n`, the
 *   value as a double (what MongoDB compares them by), so SQL compares them with plain numbers.
 * - User keys that start with `$` get one more `$` (`$x` is stored as `$$x`), so a user object can
 *   never look like a tag.
 * - ±Infinity is written `±9e999`, which both JSON.parse and SQLite read back as infinite; -0 as `-0`.
 * - `undefined` is stored as null (as BSON does); Maps become plain objects.
 */
import {
  Binary,
  Decimal128,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  UUID,
  isBinary,
  isDecimal128,
  isLong,
  isObjectId,
  toNumber,
} from './core.js'
import { encodeGeneral } from './encode-general.js'

export { storedKey } from './encode-general.js'

// What jsonReady answers for a value JSON.stringify cannot write as the stored form.
const GENERAL = Symbol('general')

/**
 * Encodes one value (a whole document included) as stored JSON text. The usual document goes
 * through JSON.stringify (native, several times faster than building the text in JS) after
 * jsonReady has swapped its non-JSON values for their tag objects; the rare value that JSON
 * cannot write (±Infinity, -0, a class instance, ...) goes to the general writer.
 */
export function encodeValue(value: unknown): string {
  const ready = jsonReady(value)
  if (ready === GENERAL) return encodeGeneral(value)
  return JSON.stringify(ready) ?? 'null'
}

/**
 * `value` as a JSON value whose JSON.stringify text is exactly the stored form, sharing every part
 * that needs no change (so the usual document costs one shallow copy), or GENERAL.
 */
function jsonReady(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value
    case 'number':
      if (value !== value) return NAN_TAG
      // JSON writes ±Infinity as null and -0 as 0.
      return value === Infinity || value === -Infinity || (value === 0 && 1 / value < 0)
        ? GENERAL
        : value
    case 'undefined':
      return null
    case 'bigint':
      return longTag(Long.fromBigInt(value))
    case 'object':
      break
    default:
      // Functions and symbols: JSON.stringify would call a function's toJSON.
      return GENERAL
  }
  if (value === null) return null
  if (Array.isArray(value)) return readyArray(value)
  const proto = Object.getPrototypeOf(value)
  if (proto === Object.prototype || proto === null) return readyObject(value as object)
  if (value instanceof Date) {
    const t = value.getTime()
    return { $t: 'date', v: t === t ? t : null }
  }
  if (isObjectId(value)) return { $t: 'oid', v: value.toHexString() }
  if (isLong(value)) return longTag(value)
  if (isDecimal128(value)) {
    const n = jsonReady(toNumber(value))
    return n === GENERAL ? GENERAL : { $t: 'dec', v: value.toString(), n }
  }
  if (value instanceof Uint8Array) {
    const kind = Buffer.isBuffer(value) ? 'buffer' : 'u8'
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    return { $t: 'bin', v: bytes.toString('base64'), s: 0, k: kind }
  }
  if (isBinary(value)) {
    const kind = value instanceof UUID ? 'uuid' : 'binary'
    const bytes = Buffer.from(value.buffer.subarray(0, value.position))
    return { $t: 'bin', v: bytes.toString('base64'), s: value.sub_type, k: kind }
  }
  if (value instanceof RegExp) return { $t: 're', v: value.source, f: value.flags }
  if (value instanceof Map) return readyObject(Object.fromEntries(value), true)
  switch ((value as { _bsontype?: string })._bsontype) {
    case 'MinKey':
      return MIN_TAG
    case 'MaxKey':
      return MAX_TAG
    case 'Double':
    case 'Int32':
      return jsonReady((value as { valueOf(): number }).valueOf())
  }
  return GENERAL
}

const NAN_TAG = Object.freeze({ $t: 'nan' })
const MIN_TAG = Object.freeze({ $t: 'min' })
const MAX_TAG = Object.freeze({ $t: 'max' })

function longTag(value: Long): unknown {
  const n = jsonReady(value.toNumber())
  return n === GENERAL ? GENERAL : { $t: 'long', v: value.toString(), n }
}

function readyArray(array: readonly unknown[]): unknown {
  // An own toJSON would be called by JSON.stringify and is ignored by the stored form.
  if ((array as { toJSON?: unknown }).toJSON !== undefined) return GENERAL
  let out: unknown[] | undefined
  for (let i = 0; i < array.length; i++) {
    const item = array[i]
    const ready = typeof item === 'string' ? item : jsonReady(item)
    if (ready === GENERAL) return GENERAL
    if (ready !== item && out === undefined) out = array.slice(0, i)
    if (out !== undefined) out.push(ready)
  }
  return out ?? array
}

/** A plain object: copied when a key needs its `$` escape or a value changes (or when `copy`). */
function readyObject(obj: object, copy = false): unknown {
  const keys = Object.keys(obj)
  let out: Record<string, unknown> | undefined = copy ? {} : undefined
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]
    const item = (obj as Record<string, unknown>)[key]
    // Assigning `__proto__` to the copy would set its prototype.
    if (key === '__proto__') return GENERAL
    const ready = typeof item === 'string' ? item : jsonReady(item)
    if (ready === GENERAL) return GENERAL
    const escaped = key.charCodeAt(0) === 36
    if (out === undefined && (ready !== item || escaped)) {
      out = {}
      for (let j = 0; j < i; j++) out[keys[j]] = (obj as Record<string, unknown>)[keys[j]]
    }
    if (out !== undefined) out[escaped ? '$' + key : key] = ready
  }
  return out ?? obj
}

/** Decodes stored JSON text back into the exact values that were encoded. */
export function decodeDocument(text: string): Record<string, unknown> {
  return revive(JSON.parse(text)) as Record<string, unknown>
}

function revive(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item = value[i]
      if (typeof item === 'object' && item !== null) value[i] = revive(item)
    }
    return value
  }
  const obj = value as Record<string, unknown>
  let escaped = false
  for (const key in obj) {
    if (key.charCodeAt(0) === 36) {
      if (key === '$t') return reviveTag(obj)
      escaped = true
    }
    const item = obj[key]
    if (typeof item === 'object' && item !== null) obj[key] = revive(item)
  }
  if (!escaped) return obj
  // Rebuilt rather than renamed in place, so field order survives.
  const out: Record<string, unknown> = {}
  for (const key in obj) out[key.charCodeAt(0) === 36 ? key.slice(1) : key] = obj[key]
  return out
}

function reviveTag(tag: Record<string, unknown>): unknown {
  const v = tag.v
  switch (tag.$t) {
    case 'date':
      return new Date(v === null ? Number.NaN : (v as number))
    case 'oid':
      // The constructor reads the hex itself; createFromHexString goes through a Buffer.
      return new ObjectId(v as string)
    case 'long':
      return Long.fromString(v as string)
    case 'dec':
      return Decimal128.fromString(v as string)
    case 'nan':
      return Number.NaN
    case 'bin': {
      const bytes = Buffer.from(v as string, 'base64')
      switch (tag.k) {
        case 'buffer':
          return bytes
        case 'u8':
          return new Uint8Array(bytes)
        case 'uuid':
          return new UUID(bytes)
        default:
          return new Binary(bytes, tag.s as number)
      }
    }
    case 're':
      return new RegExp(v as string, tag.f as string)
    case 'min':
      return new MinKey()
    case 'max':
      return new MaxKey()
  }
  return tag
}
