/**
 * Maps SQLite's errors onto the core's coded errors, keeping the original as `cause`.
 */
import { CorruptionError, LockedError } from './core.js'

/** The `code` better-sqlite3 puts on a SqliteError (`SQLITE_BUSY`, `SQLITE_CONSTRAINT_UNIQUE`, ...). */
export function sqliteCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}

/** True for a UNIQUE / PRIMARY KEY constraint failure. */
export function isUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error)
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}

/**
 * The coded error for a failure of the database file itself: CorruptionError for a damaged or
 * non-SQLite file, LockedError when another process holds a lock past the busy timeout; other
 * errors are returned unchanged.
 */
export function translate(error: unknown, file: string): unknown {
  const code = sqliteCode(error)
  if (code === undefined) return error
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new CorruptionError(
      `memgoose-sqlite: ${file} is not a valid SQLite database (${code})`,
      { file },
      {
        cause: error,
      }
    )
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new LockedError(`memgoose-sqlite: ${file} is locked by another connection (${code})`, {
      cause: error,
    })
  }
  return error
}
