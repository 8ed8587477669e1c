// Typed options → WiredTiger configuration strings. Only this file knows WiredTiger's config syntax.
import { WiredTigerError } from './errors.js'

/** Block compressors; all five are registered inside wiredtiger_open, so recovery can read them. */
export type Compressor = 'none' | 'snappy' | 'zlib' | 'zstd' | 'lz4'

/** Transaction isolation levels. Only `snapshot` detects write-write conflicts (WT_ROLLBACK). */
export type Isolation = 'snapshot' | 'read-committed' | 'read-uncommitted'

/**
 * How a commit reaches storage when logging is on: `off` leaves it in memory (a crash may lose it),
 * `none` writes the log to the OS (survives a process crash), `fsync` and `dsync` flush it to disk
 * (survives power loss).
 */
export type TransactionSync = 'off' | 'none' | 'fsync' | 'dsync'

/** The write-ahead log. */
export interface LogOptions {
  /** Default true. Without a log, only checkpoints are durable. */
  enabled?: boolean
  /** Maximum size of one log file, bytes or a WiredTiger size such as `'16MB'`. Default `'16MB'`. */
  fileMax?: number | string
  /** Create log files ahead of time (faster writes, more disk). Default false. */
  prealloc?: boolean
  /** Remove log files no longer needed for recovery. Default true; false keeps them for backups. */
  archive?: boolean
}

/** Options of {@link openConnection}. */
export interface ConnectionOptions {
  /** Create the home directory and database if missing. Default true. */
  create?: boolean
  /** WiredTiger cache size, bytes or a size string such as `'500MB'`. Default WiredTiger's 100MB. */
  cacheSize?: number | string
  /** Logging; `false` turns it off. Default on. */
  log?: boolean | LogOptions
  /** Default `'none'`: every commit reaches the OS. */
  transactionSync?: TransactionSync
  /** Statistics gathering, read with `stats()`. Default `'fast'`. */
  statistics?: 'none' | 'fast' | 'all'
  /** Periodic checkpoints: every `wait` seconds and/or every `logSize` of log written. */
  checkpoint?: { wait?: number; logSize?: number | string }
  /** Maximum number of concurrent sessions. Default WiredTiger's 100. */
  sessionMax?: number
  /** Extra raw WiredTiger configuration, appended last (overrides the options above). */
  config?: string
}

/** Options of `Session.createTable`. */
export interface TableOptions {
  /** Block compressor. Default `'none'`. */
  compressor?: Compressor
  /** `btree` (default) or `lsm` (log-structured merge tree with bloom filters). */
  type?: 'btree' | 'lsm'
  /** Extra raw WiredTiger configuration for `WT_SESSION::create`. */
  config?: string
}

const compressors: ReadonlySet<string> = new Set(['none', 'snappy', 'zlib', 'zstd', 'lz4'])
const isolations: ReadonlySet<string> = new Set(['snapshot', 'read-committed', 'read-uncommitted'])
const syncs: ReadonlySet<string> = new Set(['off', 'none', 'fsync', 'dsync'])

function invalid(message: string): never {
  throw new WiredTigerError(message, 'INVALID_ARGUMENT')
}

function size(value: number | string, name: string): string {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return String(value)
  if (typeof value === 'string' && /^\d+(B|KB|MB|GB|TB)?$/i.test(value)) return value
  return invalid(
    `${name} must be a positive integer of bytes or a size such as '500MB', got ${String(value)}`
  )
}

/** The `wiredtiger_open` configuration for `options`. */
export function connectionConfig(options: ConnectionOptions): string {
  const parts: string[] = []
  if (options.create !== false) parts.push('create')
  if (options.cacheSize !== undefined)
    parts.push(`cache_size=${size(options.cacheSize, 'cacheSize')}`)
  const log: LogOptions =
    typeof options.log === 'object' ? options.log : { enabled: options.log !== false }
  if (log.enabled === false) parts.push('log=(enabled=false)')
  else {
    const fileMax = size(log.fileMax ?? '16MB', 'log.fileMax')
    parts.push(
      `log=(enabled=true,file_max=${fileMax},prealloc=${log.prealloc === true},archive=${log.archive !== false})`
    )
  }
  const sync = options.transactionSync ?? 'none'
  if (!syncs.has(sync))
    invalid(`transactionSync must be one of off, none, fsync, dsync, got ${sync}`)
  parts.push(
    sync === 'off'
      ? 'transaction_sync=(enabled=false)'
      : `transaction_sync=(enabled=true,method=${sync})`
  )
  const statistics = options.statistics ?? 'fast'
  if (statistics !== 'none') parts.push(`statistics=(${statistics})`)
  if (options.checkpoint) {
    const { wait, logSize } = options.checkpoint
    const inner: string[] = []
    if (wait !== undefined) inner.push(`wait=${Math.max(0, Math.floor(wait))}`)
    if (logSize !== undefined) inner.push(`log_size=${size(logSize, 'checkpoint.logSize')}`)
    if (inner.length > 0) parts.push(`checkpoint=(${inner.join(',')})`)
  }
  if (options.sessionMax !== undefined) parts.push(`session_max=${Math.floor(options.sessionMax)}`)
  if (options.config) parts.push(options.config)
  return parts.join(',')
}

/** The `WT_CONNECTION::open_session` configuration. */
export function sessionConfig(isolation: Isolation = 'snapshot'): string {
  if (!isolations.has(isolation))
    invalid(`isolation must be snapshot, read-committed or read-uncommitted, got ${isolation}`)
  return `isolation=${isolation}`
}

/** The `WT_SESSION::create` configuration of a table with binary keys and values. */
export function tableConfig(options: TableOptions): string {
  const compressor = options.compressor ?? 'none'
  if (!compressors.has(compressor))
    invalid(`compressor must be one of none, snappy, zlib, zstd, lz4, got ${compressor}`)
  const parts = ['key_format=u', 'value_format=u', `block_compressor=${compressor}`]
  const type = options.type ?? 'btree'
  if (type === 'lsm') parts.push('type=lsm', 'lsm=(bloom=true)')
  else if (type !== 'btree') invalid(`type must be btree or lsm, got ${String(type)}`)
  if (options.config) parts.push(options.config)
  return parts.join(',')
}

/**
 * `table:<name>`. Names become file names in the home directory, so they are limited to letters,
 * digits, `_`, `-` and `.`.
 */
export function tableUri(name: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(name))
    invalid(`table name must match /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/, got ${JSON.stringify(name)}`)
  return `table:${name}`
}
