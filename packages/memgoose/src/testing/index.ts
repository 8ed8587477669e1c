/**
 * `memgoose/testing`: the storage engine conformance suite. A backend runs it in one line:
 *
 * ```ts
 * runEngineConformance('sqlite', () => createEngine({ dataPath: tmp() }), { reopen })
 * ```
 *
 * It checks contract semantics only (see engine/contract.ts), never an engine's internals, and
 * adapts to the engine's declared capabilities (transactions, index features, owned results).
 */
import { describe } from 'vitest'
import { crudSuite } from './crud.js'
import { Harness } from './harness.js'
import type { ConformanceOptions, EngineFactory } from './harness.js'
import { indexSuite } from './indexes.js'
import { lifecycleSuite } from './lifecycle.js'
import { scanSuite } from './scans.js'

export type { ConformanceOptions, EngineFactory } from './harness.js'
export { richDocument } from './crud.js'

/**
 * Registers a vitest `describe` block named after the engine that runs the whole contract suite
 * against engines made by `factory` (a fresh engine per test, opened and closed by the suite).
 */
export function runEngineConformance(
  name: string,
  factory: EngineFactory,
  options: ConformanceOptions = {}
): void {
  describe(`engine conformance: ${name}`, () => {
    const h = new Harness(factory, options)
    crudSuite(h)
    indexSuite(h)
    scanSuite(h)
    lifecycleSuite(h)
  })
}
export { createRandom } from './random.js'
