/**
 * A fast BSON reader for the documents most collections hold: doubles, 32-bit integers, strings,
 * booleans, dates, nulls, ObjectIds, embedded documents and arrays. It gives up (returns undefined)
 * on any other type or on a `__proto__` key, and the caller then decodes with the `bson` package,
 * so the result is always the same as `bson`'s.
 */
import { ObjectId } from 'memgoose'

const TWO_32 = 4294967296
// ignoreBOM keeps a leading U+FEFF, as the `bson` package does.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Thrown inside the reader to abandon it; never escapes this module. */
const GIVE_UP = Symbol('give up')

/** `bytes` decoded, or undefined when it holds a type this reader leaves to the `bson` package. */
export function readDocument(bytes: Buffer): Record<string, unknown> | undefined {
  if (bytes.length < 5 || bytes.readInt32LE(0) !== bytes.length) return undefined
  try {
    const out: Record<string, unknown> = {}
    readInto(bytes, 4, bytes.length - 1, out, false)
    return out
  } catch (err) {
    // Anything unexpected (a corrupt value too): let the `bson` package decide.
    if (err === GIVE_UP || err instanceof RangeError || err instanceof TypeError) return undefined
    throw err
  }
}

/** Reads the elements between `at` and `end` (the document's closing 0) into `out`. */
function readInto(
  bytes: Buffer,
  at: number,
  end: number,
  out: Record<string, unknown> | unknown[],
  isArray: boolean
): void {
  while (at < end) {
    const type = bytes[at++]
    let keyEnd = at
    while (keyEnd < end && bytes[keyEnd] !== 0) keyEnd++
    if (keyEnd >= end) throw GIVE_UP
    const key = isArray ? '' : text(bytes, at, keyEnd)
    if (key === '__proto__') throw GIVE_UP
    at = keyEnd + 1
    let value: unknown
    switch (type) {
      case 0x01:
        value = bytes.readDoubleLE(at)
        at += 8
        break
      case 0x02: {
        const size = bytes.readInt32LE(at)
        if (size < 1 || at + 4 + size > end || bytes[at + 3 + size] !== 0) throw GIVE_UP
        value = text(bytes, at + 4, at + 3 + size)
        at += 4 + size
        break
      }
      case 0x03:
      case 0x04: {
        const size = bytes.readInt32LE(at)
        if (size < 5 || at + size > end || bytes[at + size - 1] !== 0) throw GIVE_UP
        const inner: Record<string, unknown> | unknown[] = type === 0x04 ? [] : {}
        readInto(bytes, at + 4, at + size - 1, inner, type === 0x04)
        value = inner
        at += size
        break
      }
      case 0x07: {
        const id = Buffer.allocUnsafe(12)
        bytes.copy(id, 0, at, at + 12)
        value = new ObjectId(id)
        at += 12
        break
      }
      case 0x08:
        if (bytes[at] > 1) throw GIVE_UP
        value = bytes[at++] === 1
        break
      case 0x09:
        value = new Date(bytes.readInt32LE(at + 4) * TWO_32 + bytes.readUInt32LE(at))
        at += 8
        break
      case 0x0a:
        value = null
        break
      case 0x10:
        value = bytes.readInt32LE(at)
        at += 4
        break
      default:
        throw GIVE_UP
    }
    if (isArray) (out as unknown[]).push(value)
    else (out as Record<string, unknown>)[key] = value
  }
}

/** UTF-8 text of `bytes[start, end)`: ASCII (the usual case) without the validating decoder. */
function text(bytes: Buffer, start: number, end: number): string {
  if (end - start <= 16) {
    let s = ''
    for (let i = start; i < end; i++) {
      const c = bytes[i]
      if (c >= 0x80) return decoder.decode(bytes.subarray(start, end))
      s += String.fromCharCode(c)
    }
    return s
  }
  for (let i = start; i < end; i++) {
    if (bytes[i] >= 0x80) return decoder.decode(bytes.subarray(start, end))
  }
  return bytes.toString('latin1', start, end)
}
