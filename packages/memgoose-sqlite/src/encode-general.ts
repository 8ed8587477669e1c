/**
 * The general writer of the stored form (codec.ts describes it): builds the JSON text value by
 * value, so it can write what JSON.stringify cannot (±Infinity as `±9e999`, -0 as `-0`) and every
 * value the fast path in codec.ts hands back to it. Both must write identical text for any value
 * the fast path accepts (test/codec.test.ts checks this).
 */
import {
  Long,
  NotSupportedError,
  UUID,
  isBinary,
  isDecimal128,
  isLong,
  isObjectId,
  toNumber,
} from './core.js'

/** Encodes one value (a whole document included) as stored JSON text, value by value. */
export function encodeGeneral(value: unknown): string {
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
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + encodeGeneral(value[i])
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
    out += (first ? '' : ',') + JSON.stringify(storedKey(key)) + ':' + encodeGeneral(v)
    first = false
  }
  return out + '}'
}

/** The key as stored: user keys starting with `$` get one more `$`. */
export function storedKey(key: string): string {
  return key.charCodeAt(0) === 36 ? '$' + key : key
}
