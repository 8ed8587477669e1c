/**
 * Large inserts outside a caller's transaction: every table entry is packed in JS and written with
 * `Session.putPacked` (on a worker thread, one call per table and chunk, all in one WiredTiger
 * transaction). The documents go in chunks, so packing the next chunk overlaps writing this one.
 * Nothing is checked up front: the document table and unique indexes are written insert-only, so a
 * taken `_id` or unique key fails the whole batch and the caller redoes the insert on the checking
 * path, which reports it exactly.
 */
import { encodeKey, type StoredDoc } from 'memgoose'
import type { Session } from '../binding/session.js'
import { Packer } from './packer.js'
import type { SecondaryIndex } from './secondary.js'

/** Inserts of at least this many documents (and no caller transaction) take the bulk path. */
export const BULK_MIN = 1000

/** Documents per chunk: big enough that a worker hop is cheap, small enough to start writing soon. */
export const BULK_CHUNK = 2048

/**
 * Writes `docs` into `table` and its `indexes` inside the session's open transaction; rejects (having
 * written possibly part of it: roll back) on any failure. Resolves to the indexes that saw an array.
 */
export async function putAll(
  session: Session,
  table: string,
  indexes: readonly SecondaryIndex[],
  docs: readonly StoredDoc[]
): Promise<SecondaryIndex[]> {
  let pending: Promise<void> = Promise.resolve()
  let failed = false
  // Each write starts when the previous one has settled (the session is lent to one worker call
  // at a time); the first failure skips the rest.
  const write = (name: string, packer: Packer): void => {
    const { data, sizes } = packer.take()
    pending = pending.then(() => {
      const written = session.putPacked(name, data, sizes, { overwrite: false })
      packer.release()
      return written
    })
    // Seen as handled while the loop below is still packing; `await pending` rethrows it.
    pending.catch(() => {
      failed = true
    })
  }
  const entries = indexes.map(() => new IndexEntries())
  try {
    for (let start = 0; start < docs.length && !failed; start += BULK_CHUNK) {
      const chunk = docs.slice(start, start + BULK_CHUNK)
      const ids = chunk.map((doc) => encodeKey([doc._id]))
      const main = new Packer(chunk.length, chunk.length * 512)
      for (let i = 0; i < chunk.length; i++) main.addDocument(ids[i], chunk[i])
      write(table, main)
      indexes.forEach((idx, n) => entries[n].collect(idx, chunk, ids))
      // Give the event loop a turn: a write the worker finished meanwhile is acknowledged and the
      // next one queued starts now, while this thread packs the next chunk.
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
    // Index entries go in key order, each insert landing next to the previous one in the tree:
    // WiredTiger takes them about twice as fast as in document order.
    if (!failed) indexes.forEach((idx, n) => write(idx.entry.table, entries[n].sortedPacker()))
  } catch (err) {
    // The session is lent to the worker until the write in flight settles.
    await pending.catch(() => undefined)
    throw err
  }
  await pending
  return indexes.filter((_, n) => entries[n].arrays)
}

/** The table entries of one index, gathered chunk by chunk. */
class IndexEntries {
  /** Whether a document gave more than one key or held an array. */
  arrays = false
  readonly #keys: string[] = []
  readonly #ids: string[] = []

  collect(idx: SecondaryIndex, chunk: readonly StoredDoc[], ids: readonly string[]): void {
    for (let i = 0; i < chunk.length; i++) {
      const keys = idx.keys(chunk[i])
      if (idx.keyer.lastMultikey || keys.length > 1) this.arrays = true
      for (const key of keys) {
        // Unique indexes map key → _id; the others key ++ _id → _id (see secondary.ts).
        this.#keys.push(idx.unique ? key : key + ids[i])
        this.#ids.push(ids[i])
      }
    }
  }

  sortedPacker(): Packer {
    const keys = this.#keys
    const order = Array.from(keys.keys()).sort((a, b) =>
      keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0
    )
    const packer = new Packer(order.length, order.length * 64)
    for (const i of order) packer.addStrings(keys[i], this.#ids[i])
    return packer
  }
}
