/**
 * The slice of better-sqlite3 this engine uses, typed structurally so the package does not depend on
 * better-sqlite3's type definitions and users can hand in their own `Database` instance.
 */
import { StorageNotInstalledError } from './core.js'

/** Result of a write statement. */
export interface RunResult {
  readonly changes: number
  readonly lastInsertRowid: number | bigint
}

/** A prepared statement. */
export interface SqliteStatement {
  run(...params: unknown[]): RunResult
  get(...params: unknown[]): unknown
  all(...params: unknown[]): unknown[]
  iterate(...params: unknown[]): IterableIterator<unknown>
  readonly busy: boolean
  raw(toggle?: boolean): this
  pluck(toggle?: boolean): this
}

/** Options of a user-defined SQL function. */
export interface SqliteFunctionOptions {
  readonly deterministic?: boolean
  readonly varargs?: boolean
  readonly directOnly?: boolean
}

/** A better-sqlite3 `Database` (or anything with the same shape). */
export interface SqliteDatabase {
  readonly open: boolean
  readonly inTransaction: boolean
  readonly name: string
  prepare(sql: string): SqliteStatement
  exec(sql: string): this
  pragma(source: string, options?: { simple?: boolean }): unknown
  function(name: string, options: SqliteFunctionOptions, fn: (...args: any[]) => unknown): this
  close(): this
}

/** The better-sqlite3 constructor. */
export type SqliteDatabaseConstructor = new (
  filename: string,
  options?: { timeout?: number; fileMustExist?: boolean }
) => SqliteDatabase

// A variable specifier keeps TypeScript from demanding better-sqlite3's type definitions.
const PACKAGE = 'better-sqlite3'

/**
 * Loads better-sqlite3, a peer dependency. A missing package becomes StorageNotInstalledError;
 * any other load failure (ABI mismatch, missing binary) is re-thrown as it is.
 */
export async function loadBetterSqlite3(): Promise<SqliteDatabaseConstructor> {
  try {
    const mod = (await import(PACKAGE)) as { default: SqliteDatabaseConstructor }
    return mod.default
  } catch (error) {
    const code = (error as { code?: string }).code
    if (code === 'ERR_MODULE_NOT_FOUND' && String(error).includes("'better-sqlite3'")) {
      throw new StorageNotInstalledError('sqlite', 'better-sqlite3', { cause: error })
    }
    throw error
  }
}
