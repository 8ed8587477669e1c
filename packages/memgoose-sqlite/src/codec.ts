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
  NotSupportedError,
  ObjectId,
  UUID,
  isBinary,
  isDecimal128,
  isLong,
  isObjectId,
  toNumber,
} from './core.js'

/** Encodes one value (a whole document included) as stored JSON text. */
export function encodeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'number':
      return encodeNumber(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'undefined':
      return 'null'
    case 'bigint':
      return encodeLong(Long.fromBigInt(value))
    case 'object':
      break
    default:
      return 'null'
  }
  if (value === null) return 'null'
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + encodeValue(value[i])
    return out + ']'
  }
  const proto = Object.getPrototypeOf(value)
  if (proto === Object.prototype || proto === null) return encodeObject(value as object)
  if (value instanceof Date) {
    const t = value.getTime()
    return `{"$t":"date","v":${t === t ? t : 'null'}}`
  }
  if (isObjectId(value)) return `{"$t":"oid","v":"${value.toHexString()}"}`
  if (isLong(value)) return encodeLong(value)
  if (isDecimal128(value)) {
    return `{"$t":"dec","v":"${value.toString()}","n":${encodeNumber(toNumber(value))}}`
  }
  if (value instanceof Uint8Array) {
    const kind = Buffer.isBuffer(value) ? 'buffer' : 'u8'
    return `{"$t":"bin","v":"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}","s":0,"k":"${kind}"}`
  }
  if (isBinary(value)) {
    const kind = value instanceof UUID ? 'uuid' : 'binary'
    const bytes = value.buffer.subarray(0, value.position)
    return `{"$t":"bin","v":"${Buffer.from(bytes).toString('base64')}","s":${value.sub_type},"k":"${kind}"}`
  }
  if (value instanceof RegExp) {
    return `{"$t":"re","v":${JSON.stringify(value.source)},"f":"${value.flags}"}`
  }
  if (value instanceof Map) return encodeObject(Object.fromEntries(value))
  switch ((value as { _bsontype?: string })._bsontype) {
    case 'MinKey':
      return '{"$t":"min"}'
    case 'MaxKey':
      return '{"$t":"max"}'
    case 'Timestamp':
      throw new NotSupportedError('memgoose-sqlite cannot store bson Timestamp values')
    case 'Double':
    case 'Int32':
      return encodeNumber((value as { valueOf(): number }).valueOf())
  }
  return encodeObject(value as object)
}

function encodeNumber(n: number): string {
  if (n !== n) return '{"$t":"nan"}'
  if (n === Infinity) return '9e999'
  if (n === -Infinity) return '-9e999'
  if (n === 0 && 1 / n < 0) return '-0'
  return String(n)
}

function encodeLong(value: Long): string {
  return `{"$t":"long","v":"${value.toString()}","n":${encodeNumber(value.toNumber())}}`
}

function encodeObject(obj: object): string {
  let out = '{'
  let first = true
  for (const key of Object.keys(obj)) {
    const v = (obj as Record<string, unknown>)[key]
    if (typeof v === 'function' || typeof v === 'symbol') continue
    out += (first ? '' : ',') + JSON.stringify(storedKey(key)) + ':' + encodeValue(v)
    first = false
  }
  return out + '}'
}

/** The key as stored: user keys starting with `$` get one more `$`. */
export function storedKey(key: string): string {
  return key.charCodeAt(0) === 36 ? '$' + key : key
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
      return ObjectId.createFromHexString(v as string)
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
