/**
 * The options of the SQLite engine, validated once at creation: unknown or misspelled names fail
 * fast with a message that names the fix.
 */
import { QueryError } from './core.js'
import type { Durability } from './core.js'
import type { SqliteDatabase } from './driver.js'

/** Options of `sqlite(...)` / `createSqliteEngine(...)` / `connect({ sqlite: ... })`. */
export interface SqliteOptions {
  /** Directory holding the database file (created if missing). Required unless `database` is given. */
  readonly dataPath?: string
  /** File name inside `dataPath`; default `memgoose.sqlite`. */
  readonly filename?: string
  /** An open better-sqlite3 `Database` to use instead of opening a file; the caller owns it. */
  readonly database?: SqliteDatabase
  /**
   * `none`/`memory`: `synchronous=OFF`; `os` (default): `synchronous=NORMAL` in WAL mode, survives a
   * process crash; `full`: `synchronous=FULL`, every commit is fsync'd and survives power loss.
   */
  readonly durability?: Durability
  /** SQLite page cache: pages when positive, KiB when negative (`PRAGMA cache_size`); default -16000. */
  readonly cacheSize?: number
  /** How long (ms) a write waits for another process's lock before failing; default 5000. */
  readonly busyTimeout?: number
}

/** SqliteOptions with defaults applied. */
export interface ResolvedSqliteOptions {
  readonly dataPath: string | undefined
  readonly filename: string
  readonly database: SqliteDatabase | undefined
  readonly durability: Durability
  readonly cacheSize: number
  readonly busyTimeout: number
}

const KNOWN = ['dataPath', 'filename', 'database', 'durability', 'cacheSize', 'busyTimeout']
const ALIASES: Record<string, string> = {
  path: 'dataPath',
  datapath: 'dataPath',
  dir: 'dataPath',
  directory: 'dataPath',
  file: 'filename',
  fileName: 'filename',
  db: 'database',
  synchronous: 'durability',
  sync: 'durability',
  cache: 'cacheSize',
  cachesize: 'cacheSize',
  timeout: 'busyTimeout',
  busy_timeout: 'busyTimeout',
  busytimeout: 'busyTimeout',
}
const DURABILITIES: readonly Durability[] = ['none', 'memory', 'os', 'full']

function bad(message: string): QueryError {
  return new QueryError('BAD_OPTION', `memgoose-sqlite: ${message}`)
}

/** Checks `options` and fills in defaults; throws QueryError('BAD_OPTION') naming the fix. */
export function resolveOptions(options: SqliteOptions | undefined): ResolvedSqliteOptions {
  if (options === undefined || options === null || typeof options !== 'object') {
    throw bad('expected an options object such as { dataPath: "./data" }')
  }
  for (const key of Object.keys(options)) {
    if (KNOWN.includes(key)) continue
    const fix = ALIASES[key] ?? KNOWN.find((k) => k.toLowerCase() === key.toLowerCase())
    throw bad(
      fix === undefined
        ? `unknown option "${key}" (known options: ${KNOWN.join(', ')})`
        : `misspelled option "${key}" should be "${fix}"`
    )
  }
  const { dataPath, filename = 'memgoose.sqlite', database, durability = 'os' } = options
  if (database === undefined && (typeof dataPath !== 'string' || dataPath === '')) {
    throw bad('the "dataPath" option (a directory) is required unless "database" is given')
  }
  if (dataPath !== undefined && typeof dataPath !== 'string') {
    throw bad('"dataPath" must be a string')
  }
  if (typeof filename !== 'string' || filename === '' || /[/\\\0]/.test(filename)) {
    throw bad('"filename" must be a plain file name without directory separators')
  }
  if (
    database !== undefined &&
    (typeof database !== 'object' || typeof database.prepare !== 'function')
  ) {
    throw bad('"database" must be a better-sqlite3 Database instance')
  }
  if (!DURABILITIES.includes(durability)) {
    throw bad(`"durability" must be one of ${DURABILITIES.join(', ')}, not ${String(durability)}`)
  }
  const cacheSize = options.cacheSize ?? -16000
  if (!Number.isInteger(cacheSize)) throw bad('"cacheSize" must be an integer')
  const busyTimeout = options.busyTimeout ?? 5000
  if (!Number.isInteger(busyTimeout) || busyTimeout < 0) {
    throw bad('"busyTimeout" must be a non-negative integer (milliseconds)')
  }
  return Object.freeze({ dataPath, filename, database, durability, cacheSize, busyTimeout })
}
