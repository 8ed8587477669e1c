/**
 * Shared plumbing of the conformance suite: opening engines for a test and draining scans.
 */
import { afterEach, expect } from 'vitest'
import type {
  DocBatches,
  EngineCollection,
  IndexSpec,
  KeyRange,
  StorageEngine,
  StoredDoc,
} from '../engine/contract.js'
import { MaxKey, MinKey } from '../values/bson.js'

/** How the suite obtains engines. */
export interface ConformanceOptions {
  /**
   * Given a closed engine, a new (unopened) engine over the same data. Enables the persistence
   * tests; without it they are not registered.
   */
  readonly reopen?: (closed: StorageEngine) => StorageEngine | Promise<StorageEngine>
  /** Override for `capabilities.persistent` when deciding whether to run persistence tests. */
  readonly persistent?: boolean
}

/** A factory of unopened engines. */
export type EngineFactory = () => StorageEngine | Promise<StorageEngine>

/** Per-suite context: opens engines and closes them after each test. */
export class Harness {
  readonly #factory: EngineFactory
  readonly options: ConformanceOptions
  readonly #open: StorageEngine[] = []

  constructor(factory: EngineFactory, options: ConformanceOptions) {
    this.#factory = factory
    this.options = options
    afterEach(async () => {
      const engines = this.#open.splice(0)
      for (const engine of engines) await engine.close().catch(() => undefined)
    })
  }

  /** A fresh, opened engine, closed automatically after the test. */
  async engine(): Promise<StorageEngine> {
    return this.track(await this.#factory())
  }

  /** Opens `engine` and closes it after the test. */
  async track(engine: StorageEngine): Promise<StorageEngine> {
    this.#open.push(engine)
    await engine.open()
    return engine
  }

  /** A fresh engine and a collection in it. */
  async collection(indexes: readonly IndexSpec[] = [], name = 'items'): Promise<EngineCollection> {
    const engine = await this.engine()
    return engine.collection(name, { indexes })
  }
}

/** Every document of a scan, checking that no batch is empty. */
export async function drain(batches: DocBatches): Promise<StoredDoc[]> {
  const out: StoredDoc[] = []
  if (Symbol.asyncIterator in batches) {
    for await (const batch of batches) {
      expect(batch.length).toBeGreaterThan(0)
      out.push(...batch)
    }
  } else {
    for (const batch of batches) {
      expect(batch.length).toBeGreaterThan(0)
      out.push(...batch)
    }
  }
  return out
}

/** An inclusive range `[lower, upper]`. */
export function between(lower: unknown[], upper: unknown[]): KeyRange {
  return { lower, lowerInclusive: true, upper, upperInclusive: true }
}

/** The range of keys equal to (or extending) `prefix`. */
export function eq(...prefix: unknown[]): KeyRange {
  return between(prefix, prefix)
}

/** The whole index. */
export function all(): KeyRange {
  return between([new MinKey()], [new MaxKey()])
}

/** The `_id`s of `docs`, in order. */
export function ids(docs: readonly StoredDoc[]): unknown[] {
  return docs.map((d) => d._id)
}

/** The thrown error of a sync or async call (fails the test if nothing is thrown). */
export async function caught(fn: () => unknown): Promise<Error & Record<string, unknown>> {
  try {
    await fn()
  } catch (err) {
    return err as Error & Record<string, unknown>
  }
  throw new Error('expected the call to throw')
}
