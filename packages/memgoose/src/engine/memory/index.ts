/**
 * The memory engine entry point: `createMemoryEngine()` and the `memoryBackend` StorageBackend.
 */
import type { StorageBackend } from '../contract.js'
import { MemoryEngine } from './engine.js'
import type { MemoryEngineOptions } from './engine.js'

export { MemoryEngine } from './engine.js'
export type { MemoryEngineOptions } from './engine.js'

/** A new, empty memory engine (open it before use, like every engine). */
export function createMemoryEngine(options: MemoryEngineOptions = {}): MemoryEngine {
  return new MemoryEngine(options)
}

/** The memory engine as a StorageBackend (`storage: 'memory'`). */
export const memoryBackend: StorageBackend<MemoryEngineOptions> = Object.freeze({
  name: 'memory',
  createEngine: (options: MemoryEngineOptions) => new MemoryEngine(options),
})
