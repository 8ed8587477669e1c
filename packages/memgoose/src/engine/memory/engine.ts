/**
 * The memory engine: the reference implementation of the storage engine contract. Nothing is
 * persisted; `flush` is a no-op. See collection.ts for how documents are held and transaction.ts for
 * the transaction model.
 */
import { ClosedError, NotSupportedError, QueryError } from '../../errors/index.js'
import type {
  CollectionSpec,
  Durability,
  EngineCapabilities,
  EngineStats,
  EngineTxn,
  StorageEngine,
} from '../contract.js'
import { MemoryCollection } from './collection.js'
import type { CollectionHost } from './collection.js'
import { MemoryTxn, Mutex } from './transaction.js'

/** Options of the memory engine. */
export interface MemoryEngineOptions {
  /**
   * Copy documents passed to insert/replace (default true). False lets the engine keep the caller's
   * objects, for callers that hand over freshly built documents and never touch them again.
   */
  readonly copyOnWrite?: boolean
  /** Only 'none' and 'memory' can be honoured; anything else is rejected at open. */
  readonly durability?: Durability
}

const CAPABILITIES: EngineCapabilities = Object.freeze({
  persistent: false,
  transactions: true,
  filterPushdown: false,
  sortPushdown: false,
  aggregatePushdown: false,
  // get/scan hand out the stored objects (never mutated in place); the core copies what it keeps.
  ownedResults: false,
  indexFeatures: Object.freeze(['unique', 'sparse', 'partial', 'ttl', 'multikey'] as const),
  durability: Object.freeze(['none', 'memory'] as const),
})

/** The in-memory StorageEngine. */
export class MemoryEngine implements StorageEngine, CollectionHost {
  readonly name = 'memory'
  readonly capabilities = CAPABILITIES
  readonly copyOnWrite: boolean
  readonly #durability: Durability | undefined
  readonly #collections = new Map<string, MemoryCollection>()
  readonly #mutex = new Mutex()
  #closed = false

  constructor(options: MemoryEngineOptions = {}) {
    this.copyOnWrite = options.copyOnWrite !== false
    this.#durability = options.durability
  }

  get closed(): boolean {
    return this.#closed
  }

  async open(): Promise<void> {
    this.#check()
    const durability = this.#durability
    if (durability !== undefined && !CAPABILITIES.durability.includes(durability)) {
      throw new NotSupportedError(
        `The memory engine cannot honour durability '${durability}' (it supports 'none' and 'memory')`
      )
    }
  }

  collection(name: string, spec: CollectionSpec = { indexes: [] }): MemoryCollection {
    this.#check()
    if (typeof name !== 'string' || name.length === 0 || name.includes('\0')) {
      throw new QueryError('BAD_COLLECTION_NAME', 'A collection name must be a non-empty string')
    }
    let coll = this.#collections.get(name)
    if (coll === undefined) {
      coll = new MemoryCollection(name, this)
      this.#collections.set(name, coll)
    }
    for (const index of spec.indexes) coll.ensureIndex(index)
    coll.listed = true
    return coll
  }

  listCollections(): readonly string[] {
    this.#check()
    const names: string[] = []
    for (const [name, coll] of this.#collections) if (coll.listed) names.push(name)
    return names
  }

  dropCollection(name: string): boolean {
    this.#check()
    const coll = this.#collections.get(name)
    if (coll === undefined || !coll.listed) return false
    coll.reset()
    return true
  }

  /**
   * Runs `fn` as one transaction. Transactions run one at a time (a FIFO mutex); nesting
   * `transaction` calls inside `fn` would wait forever, so don't.
   */
  async transaction<T>(fn: (txn: EngineTxn) => Promise<T>): Promise<T> {
    this.#check()
    return this.#mutex.run(async () => {
      this.#check()
      const txn = new MemoryTxn(this)
      let result: T
      try {
        result = await fn(txn)
      } catch (err) {
        if (!this.#closed) txn.rollback()
        throw err
      }
      txn.commit()
      return result
    })
  }

  async flush(): Promise<void> {
    this.#check()
  }

  stats(): EngineStats {
    this.#check()
    let collections = 0
    let documents = 0
    let indexes = 0
    for (const coll of this.#collections.values()) {
      if (!coll.listed) continue
      collections++
      documents += coll.size
      indexes += coll.indexCount + 1
    }
    return { engine: this.name, collections, documents, details: { indexes } }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    for (const coll of this.#collections.values()) coll.reset()
    this.#collections.clear()
  }

  #check(): void {
    if (this.#closed) throw new ClosedError('The memory engine')
  }
}
