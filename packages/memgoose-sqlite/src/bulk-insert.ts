/**
 * Bulk inserts in multi-row statements. Each better-sqlite3 call costs about a microsecond of
 * binding overhead, so a chunk of documents goes into the collection table in one INSERT and into
 * each index table in one more, with row ids assigned here (the write transaction holds SQLite's
 * write lock, so no one else can take them). A chunk that hits a constraint is rolled back by the
 * caller and redone one document at a time, which reports exactly which document failed.
 */
import type { Buffer } from 'node:buffer'
import { encodeValue } from './codec.js'
import type { StoredDoc } from './core.js'
import type { EngineHost } from './host.js'
import type { SqliteIndex } from './indexes.js'

/**
 * Documents per multi-row statement: 3 parameters each, far below SQLite's limit of 32,766, and
 * large enough that the savepoint around each chunk costs little (1,024 measured ~20% faster than 64).
 */
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
 * Inserts `docs[start..end)` with row ids `firstRid`, `firstRid + 1`, ... and their index entries.
 * `ids` holds the encoded `_id` of each document of the chunk. Throws SQLite's constraint error on
 * any collision (the caller rolls the chunk back).
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
): void {
  const n = end - start
  const params: unknown[] = new Array(n * 3)
  for (let i = 0; i < n; i++) {
    params[i * 3] = firstRid + i
    params[i * 3 + 1] = ids[i]
    params[i * 3 + 2] = encodeValue(docs[start + i])
  }
  host.statement(`INSERT INTO "${table}" (rid, id, doc) VALUES ${values(n, 3)}`).run(params)
  for (const idx of indexes) {
    const entries: unknown[] = []
    let multikey = false
    for (let i = 0; i < n; i++) {
      for (const k of idx.keys(docs[start + i])) entries.push(k, firstRid + i)
      if (idx.keyer.lastMultikey) multikey = true
    }
    for (let at = 0; at < entries.length; at += CHUNK * 2) {
      const part = entries.slice(at, at + CHUNK * 2)
      host
        .statement(`INSERT INTO "${idx.table}" (k, rid) VALUES ${values(part.length / 2, 2)}`)
        .run(part)
    }
    if (multikey && !idx.multikey) markMultikey(host, idx)
  }
}

/** Records that `idx` holds an array key, and tells other connections (by a schema change). */
export function markMultikey(host: EngineHost, idx: SqliteIndex): void {
  host.statement('UPDATE memgoose_indexes SET multikey = 1 WHERE id = ?').run(idx.id)
  host.db.exec('CREATE TABLE memgoose_bump (x); DROP TABLE memgoose_bump')
  idx.multikey = true
}
