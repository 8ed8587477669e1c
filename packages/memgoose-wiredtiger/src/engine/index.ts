/**
 * The memgoose storage backend over WiredTiger: `connect({ storage: 'wiredtiger', wiredtiger: { dataPath } })`.
 */
import type { StorageBackend } from 'memgoose'
import { WiredTigerEngine } from './engine.js'
import type { WiredTigerEngineOptions } from './options.js'

export { WiredTigerEngine } from './engine.js'
export type { WiredTigerEngineOptions } from './options.js'

/** Creates an (unopened) WiredTiger engine. */
export function createWiredTigerEngine(options: WiredTigerEngineOptions): WiredTigerEngine {
  return new WiredTigerEngine(options)
}

/** The backend `connect({ storage: 'wiredtiger' })` loads. */
export const backend: StorageBackend<WiredTigerEngineOptions> = Object.freeze({
  name: 'wiredtiger',
  createEngine: (options: WiredTigerEngineOptions) => new WiredTigerEngine(options),
})

/** A backend with options bound, for `connect({ storage: wiredtiger({ dataPath }) })`. */
export function wiredtiger(
  options: WiredTigerEngineOptions
): StorageBackend<Partial<WiredTigerEngineOptions>> {
  return Object.freeze({
    name: 'wiredtiger',
    createEngine: (more: Partial<WiredTigerEngineOptions> = {}) =>
      new WiredTigerEngine({ ...more, ...options }),
  })
}
