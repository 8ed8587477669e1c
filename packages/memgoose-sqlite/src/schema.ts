/**
 * The SQLite schema of a memgoose database. Table names are built from integer ids only, so a
 * collection or index name — whatever characters it holds — never appears in SQL text; names live
 * as bound values in the two catalog tables.
 *
 * - `memgoose_collections(id, name, options, listed)`: one row per collection (`listed` = 0 once
 *   dropped: the row and an empty table stay so open handles keep working); its documents live in
 *   `mg_c<id>(rid INTEGER PRIMARY KEY, id BLOB UNIQUE, doc TEXT)` where `id` is the `_id` as an
 *   order-preserving key (values/keystring.ts) and `doc` the document as tagged JSON (codec.ts).
 * - `memgoose_indexes(id, collection, name, spec, multikey)`: one row per secondary index; its
 *   entries live in `mg_x<id>(k BLOB, rid INTEGER)`, `k` being the encoded key tuple. A unique
 *   index makes `k` the primary key, so SQLite itself rejects a second document with that key.
 */
import type { IndexSpec } from './core.js'
import type { SqliteDatabase } from './driver.js'

/** Version of the on-disk layout, stored in `memgoose_meta`. */
export const FORMAT_VERSION = '1'

/** Creates the catalog tables if missing (idempotent). */
export function createCatalog(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS memgoose_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS memgoose_collections (
      id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, options TEXT NOT NULL DEFAULT '{}',
      listed INTEGER NOT NULL DEFAULT 1);
    CREATE TABLE IF NOT EXISTS memgoose_indexes (
      id INTEGER PRIMARY KEY, collection INTEGER NOT NULL, name TEXT NOT NULL, spec TEXT NOT NULL,
      multikey INTEGER NOT NULL DEFAULT 0, UNIQUE (collection, name));
    INSERT OR IGNORE INTO memgoose_meta (key, value) VALUES ('format', '${FORMAT_VERSION}');
  `)
}

/** The table holding a collection's documents. */
export function collectionTable(id: number): string {
  return `mg_c${id}`
}

/** The table holding an index's entries. */
export function indexTable(id: number): string {
  return `mg_x${id}`
}

/** Creates the document table of collection `id`. */
export function createCollectionTable(db: SqliteDatabase, id: number): void {
  db.exec(
    `CREATE TABLE IF NOT EXISTS "${collectionTable(id)}" ` +
      '(rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, doc TEXT NOT NULL)'
  )
}

/** Creates the entry table of index `id`. */
export function createIndexTable(db: SqliteDatabase, id: number, spec: IndexSpec): void {
  db.exec(
    spec.unique === true
      ? `CREATE TABLE "${indexTable(id)}" (k BLOB PRIMARY KEY, rid INTEGER NOT NULL) WITHOUT ROWID`
      : `CREATE TABLE "${indexTable(id)}" (k BLOB NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (k, rid)) WITHOUT ROWID`
  )
}
