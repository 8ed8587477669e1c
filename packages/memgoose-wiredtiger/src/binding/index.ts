// The low-level binding on its own (no memgoose import): connections, sessions and cursors over
// binary keys and values. The package entry re-exports all of it.
export { openConnection, wiredtigerVersion, Connection, type SessionOptions } from './connection.js'
export { Session, type BeginOptions, type CommitOptions, type PutManyOptions } from './session.js'
export { Cursor, type NearMatch, type ScanOptions } from './cursor.js'
export type { Entry } from './batch.js'
export type {
  Compressor,
  ConnectionOptions,
  Isolation,
  LogOptions,
  TableOptions,
  TransactionSync,
} from './config.js'
export { WiredTigerError, isWiredTigerError, type WiredTigerErrorCode } from './errors.js'
export { loadBinding } from './native.js'
