/**
 * How documents and keys are stored: documents as BSON (MongoDB's own binary format, so every type
 * round-trips), `_id`s and index keys in memgoose's order-preserving key encoding, so WiredTiger's
 * byte order is MongoDB's value order.
 */
import { deserialize, serialize } from 'bson'
import { Binary, encodeKeyBytes, type StoredDoc } from 'memgoose'
import { readDocument } from './bson-read.js'
import { writeDocument } from './bson-write.js'

const SERIALIZE = { checkKeys: false, ignoreUndefined: true } as const
// Keep Longs and binaries as bson values; restoreValues() then maps binaries the way they went in.
const DESERIALIZE = { promoteBuffers: false, promoteLongs: false, promoteValues: true } as const

const BINARY_TYPE = 0x05

/** Room for the fast writer; a document that does not fit goes to the `bson` package. */
const scratch = Buffer.allocUnsafe(64 * 1024)

/** A document as stored. */
export function encodeDocument(doc: StoredDoc): Buffer {
  const end = writeDocument(doc, scratch, 0)
  // Buffer.from copies: the scratch space is reused by the next call.
  if (end >= 0) return Buffer.from(scratch.subarray(0, end))
  return serialize(doc, SERIALIZE) as Buffer
}

/** A stored document, decoded. */
export function decodeDocument(bytes: Buffer): StoredDoc {
  const fast = readDocument(bytes)
  if (fast !== undefined) return fast as StoredDoc
  const doc = deserialize(bytes, DESERIALIZE) as StoredDoc
  // A binary value has type byte 0x05: without that byte anywhere there is nothing to restore.
  if (bytes.indexOf(BINARY_TYPE) !== -1) restoreValues(doc)
  return doc
}

/**
 * BSON has one binary type with subtypes: Buffers are stored as subtype 0 and UUIDs as subtype 4.
 * Turn those back into a Buffer and a UUID (a subtype 4 of another length stays Binary); other
 * subtypes stay bson Binary values.
 */
function restoreValues(value: Record<string, unknown> | unknown[]): void {
  const keys = Array.isArray(value) ? undefined : Object.keys(value)
  const n = keys ? keys.length : (value as unknown[]).length
  for (let i = 0; i < n; i++) {
    const key = keys ? keys[i] : i
    const v = (value as Record<string | number, unknown>)[key]
    if (typeof v !== 'object' || v === null) continue
    if (v instanceof Binary) {
      ;(value as Record<string | number, unknown>)[key] =
        v.sub_type === 0
          ? Buffer.from(v.buffer)
          : v.sub_type === Binary.SUBTYPE_UUID && v.length() === 16
            ? v.toUUID()
            : v
    } else if (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype) {
      restoreValues(v as Record<string, unknown>)
    }
  }
}

/** The table key of an `_id`. */
export function idKey(id: unknown): Buffer {
  return encodeKeyBytes([id])
}
