/**
 * Large inserts outside a caller's transaction: every table entry is built in JS and written with
 * `Session.putMany` (on a worker thread, one call per table, all in one WiredTiger transaction), so
 * building the next table's entries overlaps writing the previous one. Nothing is checked up front:
 * the document table and unique indexes are written insert-only, so a taken `_id` or unique key fails
 * the whole batch and the caller redoes the insert on the checking path, which reports it exactly.
 */
import type { StoredDoc } from 'memgoose'
import type { Session } from '../binding/session.js'
import { encodeDocument, idKey } from './codec.js'
import type { SecondaryIndex } from './secondary.js'

/** Inserts of at least this many documents (and no caller transaction) take the bulk path. */
export const BULK_MIN = 1000

type Pair = readonly [key: Buffer, value: Buffer]

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
  const ids: Buffer[] = new Array(docs.length)
  const main: Pair[] = new Array(docs.length)
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]
    ids[i] = idKey(doc._id)
    main[i] = [ids[i], encodeDocument(doc)]
  }
  let pending = session.putMany(table, main, { overwrite: false })
  const multikey: SecondaryIndex[] = []
  try {
    for (const idx of indexes) {
      const { entries, arrays } = indexEntries(idx, docs, ids)
      if (arrays) multikey.push(idx)
      pending = pending.then(() => session.putMany(idx.entry.table, entries, { overwrite: false }))
    }
  } catch (err) {
    // The session is lent to the worker until the write in flight settles.
    await pending.catch(() => undefined)
    throw err
  }
  await pending
  return multikey
}

/** The table entries of one index for every document, and whether any document was multikey. */
function indexEntries(
  idx: SecondaryIndex,
  docs: readonly StoredDoc[],
  ids: readonly Buffer[]
): { entries: Pair[]; arrays: boolean } {
  const entries: Pair[] = []
  let arrays = false
  for (let i = 0; i < docs.length; i++) {
    const keys = idx.keys(docs[i])
    if (idx.keyer.lastMultikey || keys.length > 1) arrays = true
    for (const key of keys) entries.push([idx.entryKey(key, ids[i]), ids[i]])
  }
  return { entries, arrays }
}
