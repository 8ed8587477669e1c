/**
 * What a collection needs from its engine: the connection, cached statements, the write wrapper
 * that makes each call atomic, and transaction-handle checks.
 */
import type { EngineTxn } from './core.js'
import type { CursorRegistry } from './cursor.js'
import type { SqliteDatabase, SqliteStatement } from './driver.js'

/** How a statement returns rows: objects, the first column only, or arrays. */
export type StatementMode = 'objects' | 'pluck' | 'raw'

/** The engine services a SqliteCollection uses. */
export interface EngineHost extends CursorRegistry {
  readonly db: SqliteDatabase
  /**
   * A prepared statement for `sql`, cached by its text and result mode: row objects, the first
   * column only (`pluck`), or rows as arrays (`raw`).
   */
  statement(sql: string, mode?: StatementMode): SqliteStatement
  /**
   * Runs `fn` atomically: in its own IMMEDIATE transaction, or in a savepoint of the open one.
   * Open cursors are detached first (SQLite cannot write while a statement is open).
   */
  write<T>(fn: () => T): T
  /** Throws ClosedError after close, or when `txn` is finished or belongs to another engine. */
  check(txn: EngineTxn | undefined): void
  /** SQLite's schema cookie, which changes whenever any connection alters the schema. */
  schemaVersion(): number
  /** schemaVersion(), read again only when the last read is a few milliseconds old (for reads). */
  recentSchemaVersion(): number
}
