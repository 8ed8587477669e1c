/**
 * Options of the WiredTiger storage engine, their defaults, and how memgoose's durability levels map
 * onto WiredTiger's log and transaction_sync settings.
 */
import { MemgooseError, type Durability } from 'memgoose'
import type { Compressor, ConnectionOptions } from '../binding/config.js'

/** Options of `connect({ storage: 'wiredtiger', wiredtiger: { ... } })`. */
export interface WiredTigerEngineOptions {
  /** The WiredTiger home directory (created if missing). Required. */
  dataPath: string
  /** `none`/`memory`: no log; `os` (default): every commit reaches the OS; `full`: every commit is fsync'd. */
  durability?: Durability
  /** WiredTiger cache size. Default `'500MB'`. */
  cacheSize?: number | string
  /** Block compressor of the collection and index tables. Default `'snappy'`. */
  compressor?: Compressor
  /** `'btree'` (default) or `'lsm'` (log-structured merge trees with bloom filters). */
  tableType?: 'btree' | 'lsm'
  /** Seconds between automatic checkpoints. Default 60; 0 turns them off. */
  checkpointInterval?: number
  /** Maximum size of one log file. Default `'16MB'`. */
  logSize?: number | string
}

/** Options with every default filled in. */
export type ResolvedOptions = Required<WiredTigerEngineOptions>

const KNOWN = new Set([
  'dataPath',
  'durability',
  'cacheSize',
  'compressor',
  'tableType',
  'checkpointInterval',
  'logSize',
])
const MISSPELLINGS: Record<string, string> = {
  datapath: 'dataPath',
  dbPath: 'dataPath',
  path: 'dataPath',
  home: 'dataPath',
  cache: 'cacheSize',
  cache_size: 'cacheSize',
  compression: 'compressor',
  blockCompressor: 'compressor',
  type: 'tableType',
  checkpoint: 'checkpointInterval',
  logFileMax: 'logSize',
}

/** Validates options (misspellings fail fast with the fix) and fills in defaults. */
export function resolveOptions(raw: Partial<WiredTigerEngineOptions>): ResolvedOptions {
  for (const key of Object.keys(raw)) {
    if (KNOWN.has(key)) continue
    const fix = MISSPELLINGS[key]
    throw new MemgooseError(
      'BAD_OPTION',
      fix ? `Misspelled option "${key}" should be "${fix}"` : `Unknown wiredtiger option "${key}"`
    )
  }
  if (typeof raw.dataPath !== 'string' || raw.dataPath.length === 0) {
    throw new MemgooseError(
      'BAD_OPTION',
      'memgoose-wiredtiger needs `dataPath`: the directory holding the database'
    )
  }
  return {
    dataPath: raw.dataPath,
    durability: raw.durability ?? 'os',
    cacheSize: raw.cacheSize ?? '500MB',
    compressor: raw.compressor ?? 'snappy',
    tableType: raw.tableType ?? 'btree',
    checkpointInterval: raw.checkpointInterval ?? 60,
    logSize: raw.logSize ?? '16MB',
  }
}

/** WiredTiger connection settings for the resolved options. */
export function connectionOptions(options: ResolvedOptions): ConnectionOptions {
  const durable = options.durability === 'os' || options.durability === 'full'
  return {
    cacheSize: options.cacheSize,
    log: durable ? { enabled: true, fileMax: options.logSize, prealloc: false } : false,
    transactionSync: !durable ? 'off' : options.durability === 'full' ? 'fsync' : 'none',
    statistics: 'fast',
    ...(options.checkpointInterval > 0 ? { checkpoint: { wait: options.checkpointInterval } } : {}),
  }
}
