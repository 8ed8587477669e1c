// memgoose-wiredtiger: WiredTiger for Node. For now the low-level binding (connections, sessions,
// cursors over binary keys and values); the memgoose storage engine builds on it.
export {
  openConnection,
  wiredtigerVersion,
  Connection,
  type SessionOptions,
} from './binding/connection.js'
export {
  Session,
  type BeginOptions,
  type CommitOptions,
  type PutManyOptions,
} from './binding/session.js'
export { Cursor, type NearMatch, type ScanOptions } from './binding/cursor.js'
export type { Entry } from './binding/batch.js'
export type {
  Compressor,
  ConnectionOptions,
  Isolation,
  LogOptions,
  TableOptions,
  TransactionSync,
} from './binding/config.js'
export { WiredTigerError, isWiredTigerError, type WiredTigerErrorCode } from './binding/errors.js'
export { loadBinding } from './binding/native.js'

// The memgoose storage engine over the binding above.
export {
  backend,
  createWiredTigerEngine,
  wiredtiger,
  WiredTigerEngine,
  type WiredTigerEngineOptions,
} from './engine/index.js'
