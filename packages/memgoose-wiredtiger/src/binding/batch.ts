// Unpacks a native scan batch (bytes back to back, sizes interleaved) into [key, value] entries.
// The entries are views of the batch's single buffer: no copy per entry.
import type { NativeBatch } from './native.js'

/** One record: key and value bytes. */
export type Entry = [key: Buffer, value: Buffer]

const empty: Buffer = Buffer.alloc(0)

/** Splits `batch` into entries; a side that was not requested comes back as an empty Buffer. */
export function unpackBatch(batch: NativeBatch, keys: boolean, values: boolean): Entry[] {
  const { data, sizes, count } = batch
  const entries: Entry[] = new Array(count)
  let offset = 0
  let s = 0
  for (let i = 0; i < count; i++) {
    let key = empty
    let value = empty
    if (keys) {
      key = data.subarray(offset, (offset += sizes[s++]))
    }
    if (values) {
      value = data.subarray(offset, (offset += sizes[s++]))
    }
    entries[i] = [key, value]
  }
  return entries
}
