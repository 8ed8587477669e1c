/**
 * A fast BSON writer for the documents most collections hold: plain objects, arrays, strings,
 * numbers, booleans, nulls, dates and ObjectIds. Its bytes are the `bson` package's for
 * `serialize(doc, { checkKeys: false, ignoreUndefined: true })`; on anything else (a `toBSON`
 * method, a Map, bytes, a bson value class, a bigint, a function, a `__proto__` key, deep nesting)
 * it gives up and the caller serializes with the `bson` package, so the result is always `bson`'s.
 */
import { ObjectId } from 'memgoose'

/** Nesting deeper than this (and so any cycle) is left to the `bson` package, which reports cycles. */
const MAX_DEPTH = 100
const TWO_32 = 4294967296
/** Strings up to this long are copied in a JS loop: cheaper than a call into native code. */
const SHORT = 32

const float = new Float64Array(1)
const floatBytes = new Uint8Array(float.buffer)

/** How `bson` writes an ObjectId's 12 bytes in place (not in its published types). */
interface OidWriter {
  serializeInto(target: Uint8Array, at: number): number
}
const OID_PROTO = ObjectId.prototype
const oidWritesInPlace =
  typeof (OID_PROTO as unknown as Partial<OidWriter>).serializeInto === 'function'

/**
 * Writes `doc` as BSON into `target` at `offset`; returns the end offset, or -1 when `doc` holds
 * anything this writer leaves to the `bson` package, or when `target` is too small (nothing past
 * `target.length` is ever written).
 */
export function writeDocument(
  doc: Record<string, unknown>,
  target: Buffer,
  offset: number
): number {
  if (!Number.isInteger(offset) || offset < 0) return -1
  if (!objectPrototypeIsClean()) return -1
  if (typeof doc !== 'object' || doc === null || !isPlainDocument(doc)) return -1
  return writeObject(doc, target, offset, 0)
}

/**
 * Whether `for…in` lists exactly a plain object's own keys (`bson` iterates `Object.keys`): true
 * unless something enumerable was added to Object.prototype. `for…in` walks an object without
 * allocating its keys.
 */
function objectPrototypeIsClean(): boolean {
  let clean = true
  for (const _ in Object.prototype) clean = false
  return clean
}

/**
 * Whether `bson` writes `value` as an embedded document from its own keys: a plain or
 * null-prototype object without `toBSON`, a `_bsontype` tag or a `Symbol.toStringTag` (through
 * which `bson` would see a Date, RegExp or Map).
 */
function isPlainDocument(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value)
  return (proto === Object.prototype || proto === null) && hasNoBsonHooks(value)
}

function hasNoBsonHooks(value: object): boolean {
  const v = value as { toBSON?: unknown; _bsontype?: unknown; [Symbol.toStringTag]?: unknown }
  return (
    typeof v.toBSON !== 'function' &&
    (v._bsontype === undefined || v._bsontype === null) &&
    v[Symbol.toStringTag] === undefined
  )
}

/** Writes the document `obj` at `at`: its elements in key order, `undefined`s skipped. */
function writeObject(
  obj: Record<string, unknown>,
  target: Buffer,
  at: number,
  depth: number
): number {
  const start = at
  at += 4
  // Own keys only, in Object.keys order: writeDocument checked Object.prototype is clean.
  for (const key in obj) {
    const value = obj[key]
    if (value === undefined) {
      // `bson` rejects a key holding NUL before it looks at the value.
      if (key.indexOf('\0') !== -1) return -1
      continue
    }
    if (key === '__proto__') return -1
    const typeAt = at
    at = writeKey(key, target, at + 1)
    if (at < 0) return -1
    at = writeValue(value, target, typeAt, at, depth)
    if (at < 0) return -1
  }
  return close(target, start, at)
}

/** Writes the array `arr` at `at`: keys "0", "1", …; holes and `undefined`s are nulls, as in `bson`. */
function writeArray(arr: readonly unknown[], target: Buffer, at: number, depth: number): number {
  const start = at
  at += 4
  for (let i = 0; i < arr.length; i++) {
    const value = arr[i]
    const typeAt = at
    at = writeIndex(i, target, at + 1)
    if (at < 0) return -1
    if (value === undefined) target[typeAt] = 0x0a
    else {
      at = writeValue(value, target, typeAt, at, depth)
      if (at < 0) return -1
    }
  }
  return close(target, start, at)
}

/** Ends the document begun at `start` (its closing 0 and its size); the end offset or -1. */
function close(target: Buffer, start: number, at: number): number {
  if (at >= target.length) return -1
  target[at++] = 0
  writeInt32(target, start, at - start)
  return at
}

/** Writes `value` at `at` and its type byte at `typeAt` (its key already written between). */
function writeValue(
  value: unknown,
  target: Buffer,
  typeAt: number,
  at: number,
  depth: number
): number {
  switch (typeof value) {
    case 'string':
      target[typeAt] = 0x02
      return writeString(value, target, at)
    case 'number':
      // An int32 when it is one, -0 excepted; every other number (NaN and ±Infinity too) a double.
      if ((value | 0) === value && (value !== 0 || 1 / value > 0)) {
        if (at + 4 > target.length) return -1
        target[typeAt] = 0x10
        writeInt32(target, at, value)
        return at + 4
      }
      if (at + 8 > target.length) return -1
      target[typeAt] = 0x01
      float[0] = value
      for (let b = 0; b < 8; b++) target[at + b] = floatBytes[b]
      return at + 8
    case 'boolean':
      if (at >= target.length) return -1
      target[typeAt] = 0x08
      target[at] = value ? 1 : 0
      return at + 1
    case 'object':
      if (value === null) {
        target[typeAt] = 0x0a
        return at
      }
      return writeObjectValue(value, target, typeAt, at, depth)
    default:
      // undefined never gets here; bigints, symbols and functions are left to `bson`.
      return -1
  }
}

function writeObjectValue(
  value: object,
  target: Buffer,
  typeAt: number,
  at: number,
  depth: number
): number {
  if (typeof (value as { toBSON?: unknown }).toBSON === 'function') return -1
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto === OID_PROTO && oidWritesInPlace) {
    if (at + 12 > target.length) return -1
    target[typeAt] = 0x07
    ;(value as unknown as OidWriter).serializeInto(target, at)
    return at + 12
  }
  if (proto === Date.prototype) {
    const tag = (value as { _bsontype?: unknown })._bsontype
    if ((tag !== undefined && tag !== null) || at + 8 > target.length) return -1
    target[typeAt] = 0x09
    // bson goes through Long.fromNumber: an int64 in two's complement, an invalid date as 0 (the
    // NaN parts below are stored as zero bytes).
    const time = (value as Date).getTime()
    const high = Math.floor(time / TWO_32)
    writeInt32(target, at, time - high * TWO_32)
    writeInt32(target, at + 4, high)
    return at + 8
  }
  if (depth >= MAX_DEPTH || !hasNoBsonHooks(value)) return -1
  if (at + 5 > target.length) return -1
  if (proto === Object.prototype || proto === null) {
    target[typeAt] = 0x03
    return writeObject(value as Record<string, unknown>, target, at, depth + 1)
  }
  if (proto === Array.prototype) {
    target[typeAt] = 0x04
    return writeArray(value as unknown[], target, at, depth + 1)
  }
  return -1
}

/** Writes `key` and its terminating 0 at `at`; -1 when it holds a NUL (`bson` throws) or won't fit. */
function writeKey(key: string, target: Buffer, at: number): number {
  const n = key.length
  if (at + n >= target.length) return -1
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i)
    if (c === 0) return -1
    if (c >= 0x80) {
      if (key.indexOf('\0') !== -1) return -1
      const size = Buffer.byteLength(key, 'utf8')
      if (at + size >= target.length) return -1
      target.write(key, at, size, 'utf8')
      target[at + size] = 0
      return at + size + 1
    }
    target[at + i] = c
  }
  target[at + n] = 0
  return at + n + 1
}

/** Writes an array index as its decimal key and the terminating 0. */
function writeIndex(index: number, target: Buffer, at: number): number {
  let digits = 1
  for (let n = index; n >= 10; n = (n - (n % 10)) / 10) digits++
  if (at + digits >= target.length) return -1
  let n = index
  for (let d = at + digits - 1; d >= at; d--) {
    const digit = n % 10
    target[d] = 0x30 + digit
    n = (n - digit) / 10
  }
  target[at + digits] = 0
  return at + digits + 1
}

/**
 * Writes a BSON string (size, UTF-8 bytes, 0) at `at`. Lone surrogates become U+FFFD, as in
 * `bson`, which writes through the same `Buffer#write`.
 */
function writeString(text: string, target: Buffer, at: number): number {
  const n = text.length
  const body = at + 4
  // UTF-8 takes at least one byte per UTF-16 unit.
  if (body + n >= target.length) return -1
  let size = n
  if (n <= SHORT) {
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i)
      if (c >= 0x80) {
        size = writeUtf8(text, target, body)
        break
      }
      target[body + i] = c
    }
  } else if (target.length - body > 3 * n) {
    // Room for the longest encoding (3 bytes a unit), so nothing is cut short.
    size = target.write(text, body, 'utf8')
  } else {
    size = writeUtf8(text, target, body)
  }
  if (size < 0) return -1
  writeInt32(target, at, size + 1)
  target[body + size] = 0
  return body + size + 1
}

/** Writes `text` as UTF-8 with room for a 0 after it; its byte length, or -1 when it won't fit. */
function writeUtf8(text: string, target: Buffer, at: number): number {
  const size = Buffer.byteLength(text, 'utf8')
  if (at + size >= target.length) return -1
  return target.write(text, at, size, 'utf8')
}

/** Little-endian 32 bits of `value` (taken modulo 2^32). */
function writeInt32(target: Buffer, at: number, value: number): void {
  target[at] = value
  target[at + 1] = value >>> 8
  target[at + 2] = value >>> 16
  target[at + 3] = value >>> 24
}
