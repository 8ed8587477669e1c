/**
 * connect()/createDatabase() options: which storage, its options, per-model overrides, TTL interval.
 * Misspelled option names fail fast with the fix, as better-sqlite3 does.
 */
import type { Durability, StorageBackend, StorageEngine } from '../engine/contract.js'
import type { ModuleImporter } from '../engine/discovery.js'
import type { StorageStrategy, StrategyFactory } from '../engine/strategy-adapter.js'
import { MemgooseError } from '../errors/index.js'

/**
 * Where a database (or one model) keeps its data. A backend object is accepted whatever its own
 * options type (`import { backend } from 'memgoose-sqlite'`): its options come from the key named
 * after it, which the engine checks itself.
 */
export type StorageChoice =
  string | StorageBackend<any> | StorageEngine | StorageStrategy | StrategyFactory

/** Options of one storage choice: `{ storage: 'sqlite', sqlite: { dataPath } }`. */
export interface StorageOptions {
  storage?: StorageChoice
  durability?: Durability
  memory?: Record<string, unknown>
  file?: Record<string, unknown>
  sqlite?: Record<string, unknown>
  wiredtiger?: Record<string, unknown>
  /** Options for backends discovered by other names (`storage: 'redis'` reads `redis: {...}`). */
  [backend: string]: unknown
}

/** Options of a database. */
export interface DatabaseOptions extends StorageOptions {
  /** Per-model storage overrides in the same database: `{ Session: { storage: 'memory' } }`. */
  models?: Record<string, StorageOptions>
  /** How often the TTL sweeper runs, in ms (default 60,000; 0 disables it). */
  ttlInterval?: number
  /** Test seam: how backend packages are loaded. */
  importer?: ModuleImporter
}

const KNOWN = new Set([
  'storage',
  'durability',
  'memory',
  'file',
  'sqlite',
  'wiredtiger',
  'models',
  'ttlInterval',
  'importer',
  'dataPath',
])
const MISSPELLINGS: Record<string, string> = {
  store: 'storage',
  backend: 'storage',
  engine: 'storage',
  dbPath: 'dataPath',
  datapath: 'dataPath',
  path: 'dataPath',
  ttl: 'ttlInterval',
  ttlIntervalMs: 'ttlInterval',
  model: 'models',
  sqllite: 'sqlite',
  sqlite3: 'sqlite',
  wiredTiger: 'wiredtiger',
  durable: 'durability',
}

/** Throws on misspelled option names; other unknown keys are backend option objects. */
export function checkOptions(options: DatabaseOptions): void {
  for (const key of Object.keys(options)) {
    const fix = MISSPELLINGS[key]
    if (fix && !KNOWN.has(key)) {
      throw new MemgooseError('BAD_OPTION', `Misspelled option "${key}" should be "${fix}"`)
    }
  }
  if (typeof options.storage === 'string' && options.storage !== 'memory') {
    const sub = options[options.storage]
    if (sub !== undefined && (typeof sub !== 'object' || sub === null)) {
      throw new MemgooseError(
        'BAD_OPTION',
        `Option "${options.storage}" must be an object of ${options.storage} options`
      )
    }
  }
}
