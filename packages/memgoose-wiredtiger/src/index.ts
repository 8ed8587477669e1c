// memgoose-wiredtiger: WiredTiger for Node. The low-level binding (connections, sessions, cursors over
// binary keys and values), and the memgoose storage engine built on it.
export * from './binding/index.js'

// The memgoose storage engine over the binding above.
export {
  backend,
  createWiredTigerEngine,
  wiredtiger,
  WiredTigerEngine,
  type WiredTigerEngineOptions,
} from './engine/index.js'
