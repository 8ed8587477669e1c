/**
 * memgoose-sqlite: a memgoose storage engine on SQLite (better-sqlite3). One SQLite file holds the
 * whole memgoose database; filters, sorts, skip and limit run as SQL.
 *
 * ```ts
 * import { connect } from 'memgoose'
 * await connect({ storage: 'sqlite', sqlite: { dataPath: './data' } })
 * // or, for bundlers: import { sqlite } from 'memgoose-sqlite'; connect({ storage: sqlite({ dataPath }) })
 * ```
 */
import type { Durability, StorageBackend } from './core.js'
import { SqliteEngine } from './engine.js'
import type { SqliteOptions } from './options.js'

export { SqliteEngine } from './engine.js'
export type { SqliteOptions } from './options.js'
export type {
  SqliteDatabase,
  SqliteDatabaseConstructor,
  SqliteFunctionOptions,
  SqliteStatement,
  RunResult,
} from './driver.js'

/** Creates an unopened SQLite engine; call `open()` before use. */
export function createSqliteEngine(options: SqliteOptions): SqliteEngine {
  return new SqliteEngine(options)
}

/** The backend `connect({ storage: 'sqlite', sqlite: { ... } })` loads. */
export const backend: StorageBackend<SqliteOptions> = Object.freeze({
  name: 'sqlite',
  createEngine: (options: SqliteOptions & { durability?: Durability }) => new SqliteEngine(options),
})

/**
 * A backend with `options` bound, for `connect({ storage: sqlite({ dataPath }) })`: options given
 * to `createEngine` (e.g. a connection-wide durability) override the bound ones.
 */
export function sqlite(options: SqliteOptions): StorageBackend<Partial<SqliteOptions>> {
  return Object.freeze({
    name: 'sqlite',
    createEngine: (overrides: Partial<SqliteOptions> & { durability?: Durability }) =>
      new SqliteEngine({ ...options, ...definedOnly(overrides) }),
  })
}

function definedOnly(options: Partial<SqliteOptions> | undefined): Partial<SqliteOptions> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(options ?? {}))
    if (value !== undefined) out[key] = value
  return out as Partial<SqliteOptions>
}
