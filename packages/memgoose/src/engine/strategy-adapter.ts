/**
 * Custom backends written to the seed's simple StorageStrategy interface keep working: the documents
 * live in the memory engine (which answers every query) and every write goes through to the strategy.
 * A strategy write that fails is undone in memory, so both sides stay equal.
 */
import type {
  CollectionSpec,
  EngineCollection,
  EngineTxn,
  IndexSpec,
  ScanPlan,
  StorageEngine,
  StoredDoc,
} from './contract.js'
import { MemoryEngine } from './memory/index.js'

/** The seed's per-collection storage interface for custom backends (files, Redis, ...). */
export interface StorageStrategy<T extends Record<string, unknown> = Record<string, unknown>> {
  /** Prepares the storage (open files, connect). Called once before getAll. */
  initialize(): Promise<void>
  /** Every stored document, loaded once at start-up. */
  getAll(): Promise<T[]>
  insert(doc: T): Promise<void>
  insertMany(docs: T[]): Promise<void>
  /** Replaces the stored document whose `_id` is `id` with `doc`. */
  update(id: unknown, doc: T): Promise<void>
  delete(id: unknown): Promise<void>
  deleteMany(ids: unknown[]): Promise<void>
  clear(): Promise<void>
  flush?(): Promise<void>
  close?(): Promise<void>
}

/** Creates the strategy of one collection. */
export type StrategyFactory = (collection: string) => StorageStrategy

/** True for objects shaped like a StorageStrategy (user input at connect time). */
export function isStorageStrategy(value: unknown): value is StorageStrategy {
  const v = value as Partial<StorageStrategy> | null
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.getAll === 'function' &&
    typeof v.initialize === 'function'
  )
}

/** A StorageEngine keeping data in memory and writing through to one strategy per collection. */
export class StrategyEngine implements StorageEngine {
  readonly name = 'strategy'
  readonly capabilities: StorageEngine['capabilities']
  #memory = new MemoryEngine()
  #factory: StrategyFactory
  #strategies = new Map<string, StorageStrategy>()
  #collections = new Map<string, EngineCollection>()

  constructor(factory: StrategyFactory) {
    this.#factory = factory
    // Writes reach the strategy outside the memory engine's transaction, so rollbacks cannot be promised.
    this.capabilities = Object.freeze({
      ...this.#memory.capabilities,
      persistent: true,
      transactions: false,
    })
  }

  async open(): Promise<void> {
    await this.#memory.open()
  }

  async collection(name: string, spec: CollectionSpec): Promise<EngineCollection> {
    const known = this.#collections.get(name)
    if (known) return known
    const strategy = this.#factory(name)
    await strategy.initialize()
    const inner = await this.#memory.collection(name, spec)
    const existing = (await strategy.getAll()) as StoredDoc[]
    if (existing.length > 0) await inner.insert(existing)
    const wrapped = writeThrough(inner, strategy)
    this.#strategies.set(name, strategy)
    this.#collections.set(name, wrapped)
    return wrapped
  }

  listCollections(): readonly string[] | Promise<readonly string[]> {
    return this.#memory.listCollections()
  }

  async dropCollection(name: string): Promise<boolean> {
    const strategy = this.#strategies.get(name)
    if (strategy) await strategy.clear()
    this.#collections.delete(name)
    this.#strategies.delete(name)
    return this.#memory.dropCollection(name)
  }

  transaction<T>(fn: (txn: EngineTxn) => Promise<T>): Promise<T> {
    return fn({ finished: false })
  }

  async flush(): Promise<void> {
    for (const s of this.#strategies.values()) await s.flush?.()
  }

  async stats() {
    const inner = await this.#memory.stats()
    return { ...inner, engine: 'strategy' }
  }

  async close(): Promise<void> {
    for (const s of this.#strategies.values()) {
      await s.flush?.()
      await s.close?.()
    }
    this.#strategies.clear()
    this.#collections.clear()
    await this.#memory.close()
  }
}

function writeThrough(inner: EngineCollection, strategy: StorageStrategy): EngineCollection {
  return {
    name: inner.name,
    get: (id) => inner.get(id),
    scan: (plan: ScanPlan) => inner.scan(plan),
    count: (plan: ScanPlan) => inner.count(plan),
    explainScan: (plan: ScanPlan) => ({ ...inner.explainScan(plan), writeThrough: true }),
    ensureIndex: (spec: IndexSpec) => inner.ensureIndex(spec),
    dropIndex: (name: string) => inner.dropIndex(name),
    listIndexes: () => inner.listIndexes(),
    async insert(docs) {
      await inner.insert(docs)
      try {
        if (docs.length === 1) await strategy.insert(docs[0])
        else await strategy.insertMany([...docs])
      } catch (err) {
        await inner.delete(docs.map((d) => d._id))
        throw err
      }
    },
    async replace(doc) {
      const before = await inner.get(doc._id)
      if (!before) return false
      const previous = { ...before } as StoredDoc
      await inner.replace(doc)
      try {
        await strategy.update(doc._id, doc)
      } catch (err) {
        await inner.replace(previous)
        throw err
      }
      return true
    },
    async delete(ids) {
      const before: StoredDoc[] = []
      for (const id of ids) {
        const d = await inner.get(id)
        if (d) before.push({ ...d } as StoredDoc)
      }
      const n = await inner.delete(ids)
      try {
        if (before.length === 1) await strategy.delete(before[0]._id)
        else if (before.length > 1) await strategy.deleteMany(before.map((d) => d._id))
      } catch (err) {
        await inner.insert(before)
        throw err
      }
      return n
    },
    async clear() {
      await strategy.clear()
      await inner.clear()
    },
  }
}
