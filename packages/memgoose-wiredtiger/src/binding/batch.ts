// Unpacks a native scan batch (bytes back to back, sizes interleaved) into [key, value] entries.
// The entries are views of the batch's single buffer: no copy per entry.
/** One record: key and value bytes. */
export type Entry = [key: Buffer, value: Buffer]

const empty: Buffer = Buffer.alloc(0)

/**
 * Appends the `count` entries of `data` to `out`; their sizes start at `sizes[offset]`, interleaved
 * key/value (or one size per entry when only keys or only values were read). A side that was not
 * requested comes back as an empty Buffer.
 */
export function unpackEntries(
  out: Entry[],
  data: Buffer,
  sizes: Uint32Array,
  offset: number,
  count: number,
  keys: boolean,
  values: boolean
): void {
  let at = 0
  let s = offset
  for (let i = 0; i < count; i++) {
    let key = empty
    let value = empty
    if (keys) key = data.subarray(at, (at += sizes[s++]))
    if (values) value = data.subarray(at, (at += sizes[s++]))
    out.push([key, value])
  }
}
