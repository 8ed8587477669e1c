/**
 * Bulk inserts in multi-row statements. Each better-sqlite3 call costs about a microsecond of
 * binding overhead, so a chunk of documents goes into the collection table in one INSERT and into
 * each index table in one more, with row ids assigned here (the write transaction holds SQLite's
 * write lock, so no one else can take them).
 *
 * The statements are `INSERT OR IGNORE`: a row that collides is skipped, which the changes count
 * shows. Without a statement that can fail halfway, SQLite keeps no journal to undo one and the
 * chunks need no savepoints (measured: about 7% less time in SQLite). On a skipped row the caller
 * rolls the call back and redoes it one document at a time, which reports exactly which document
 * failed.
 */
import { Buffer } from 'node:buffer'
import { encodeValue } from './codec.js'
import type { StoredDoc } from './core.js'
import type { EngineHost } from './host.js'
import type { SqliteIndex } from './indexes.js'

/** Documents per multi-row statement: 3 parameters each, far below SQLite's limit of 32,766. */
export const CHUNK = 1024

const valueLists = new Map<string, string>()

/** `(?, ?), (?, ?), ...` with `rows` groups of `width` placeholders, memoised. */
function values(rows: number, width: number): string {
  const cacheKey = `${rows}x${width}`
  let sql = valueLists.get(cacheKey)
  if (sql === undefined) {
    const one = `(${new Array(width).fill('?').join(', ')})`
    sql = new Array(rows).fill(one).join(', ')
    valueLists.set(cacheKey, sql)
  }
  return sql
}

/**
 * Inserts `docs[start..end)` with row ids `firstRid`, `firstRid + 1`, ... and their index entries;
 * `ids[i]` is the encoded `_id` of `docs[i]`. Returns false when a row collided and was skipped
 * (the caller must then roll back).
 */
export function insertChunk(
  host: EngineHost,
  table: string,
  indexes: readonly SqliteIndex[],
  docs: readonly StoredDoc[],
  ids: readonly Buffer[],
  start: number,
  end: number,
  firstRid: number
): boolean {
  const n = end - start
  const params: unknown[] = new Array(n * 3)
  for (let i = 0; i < n; i++) {
    params[i * 3] = firstRid + i
    params[i * 3 + 1] = ids[start + i]
    params[i * 3 + 2] = encodeValue(docs[start + i])
  }
  let complete =
    host
      .statement(`INSERT OR IGNORE INTO "${table}" (rid, id, doc) VALUES ${values(n, 3)}`)
      .run(params).changes === n
  for (const idx of indexes) {
    const keyer = idx.keyer
    const entries: unknown[] = []
    let multikey = false
    for (let i = 0; i < n; i++) {
      const keys = keyer.encodedKeysOf(docs[start + i])
      for (let j = 0; j < keys.length; j++)
        entries.push(Buffer.from(keys[j], 'latin1'), firstRid + i)
      if (keyer.lastMultikey) multikey = true
    }
    for (let at = 0; at < entries.length; at += CHUNK * 2) {
      const part =
        at === 0 && entries.length <= CHUNK * 2 ? entries : entries.slice(at, at + CHUNK * 2)
      const rows = part.length / 2
      const added = host
        .statement(`INSERT OR IGNORE INTO "${idx.table}" (k, rid) VALUES ${values(rows, 2)}`)
        .run(part).changes
      if (added !== rows) complete = false
    }
    if (multikey && !idx.multikey) markMultikey(host, idx)
  }
  return complete
}

/** Records that `idx` holds an array key, and tells other connections (by a schema change). */
export function markMultikey(host: EngineHost, idx: SqliteIndex): void {
  host.statement('UPDATE memgoose_indexes SET multikey = 1 WHERE id = ?').run(idx.id)
  host.db.exec('CREATE TABLE memgoose_bump (x); DROP TABLE memgoose_bump')
  idx.multikey = true
}
