/**
 * Database: one memgoose database — its models, its engine (plus per-model override engines), the
 * collection stores opened on them, sessions, and the TTL sweeper. `connect()` configures the default
 * database; `createDatabase()` makes independent ones.
 */
import type { EngineTxn, MaybePromise, StorageBackend, StorageEngine } from '../engine/contract.js'
import { loadBackend } from '../engine/discovery.js'
import {
  StrategyEngine,
  isStorageStrategy,
  type StrategyFactory,
} from '../engine/strategy-adapter.js'
import {
  ClosedError,
  MemgooseError,
  MissingSchemaError,
  NotSupportedError,
  OverwriteModelError,
} from '../errors/index.js'
import type { ModelHost, ModelInternals } from '../model/internals.js'
import { compileModel } from '../model/model.js'
import type { ModelClass } from '../model/model-types.js'
import { schemaIndexSpecs } from '../model/indexes.js'
import { ClientSession } from '../model/session.js'
import { CollectionStore } from '../model/store.js'
import { Schema } from '../schema/schema.js'
import { assertValidName, collectionNameFor } from './names.js'
import { checkOptions, type DatabaseOptions, type StorageOptions } from './options.js'
import { TtlSweeper } from './ttl.js'

/** An async lock for engines without transactions: serialises read-modify-write cycles. */
class WriteLock {
  #tail: Promise<unknown> = Promise.resolve()
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn, fn)
    this.#tail = result.catch(() => undefined)
    return result
  }
}

/** A memgoose database. */
export class Database implements ModelHost {
  #options: DatabaseOptions
  #models = new Map<string, ModelClass>()
  #engines = new Map<string, Promise<StorageEngine>>()
  #stores = new Map<string, Promise<CollectionStore>>()
  /** Stores already open, by model: a query on them needs no await to find its store. */
  #readyStores = new WeakMap<ModelInternals, CollectionStore>()
  #locks = new Map<StorageEngine, WriteLock>()
  #sweeper: TtlSweeper
  #closed = false

  constructor(options: DatabaseOptions = {}) {
    checkOptions(options)
    this.#options = { ...options }
    this.#sweeper = new TtlSweeper(() => this.#openStores(), options.ttlInterval ?? 60_000)
  }

  /** The options this database was configured with. */
  get options(): Readonly<DatabaseOptions> {
    return this.#options
  }

  /** Reconfigures storage; only allowed before any engine has been opened. */
  configure(options: DatabaseOptions): void {
    checkOptions(options)
    if (this.#engines.size > 0) {
      throw new MemgooseError(
        'ALREADY_CONNECTED',
        'This database is already open; call disconnect() before connecting with other options'
      )
    }
    this.#options = { ...options }
    this.#closed = false
    this.#sweeper.stop()
    this.#sweeper = new TtlSweeper(() => this.#openStores(), options.ttlInterval ?? 60_000)
  }

  /** Opens the default engine now (connect() awaits this so configuration errors surface early). */
  async open(): Promise<void> {
    await this.#engineFor(undefined)
  }

  // ── models ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Defines a model (`model(name, schema)`) or returns a defined one (`model(name)`). Defining a name
   * again with a different schema throws OverwriteModelError.
   */
  model<T = any>(
    name: string,
    schema?: Schema | Record<string, unknown>,
    collection?: string
  ): ModelClass<T> {
    assertValidName(name, 'model')
    const existing = this.#models.get(name)
    if (schema === undefined) {
      if (!existing) throw new MissingSchemaError(name)
      return existing
    }
    const s = schema instanceof Schema ? schema : new Schema(schema)
    if (existing) {
      if (existing.schema === s) return existing
      throw new OverwriteModelError(name)
    }
    const collectionName =
      collection ?? (s.options.collection as string | undefined) ?? collectionNameFor(name)
    assertValidName(collectionName, 'collection')
    const model = compileModel(name, s, this, collectionName)
    this.#models.set(name, model)
    return model
  }

  /** The model registered under `name`, or undefined. */
  getModel(name: string): ModelClass | undefined {
    return this.#models.get(name)
  }

  /** Names of the registered models. */
  modelNames(): string[] {
    return [...this.#models.keys()]
  }

  /** Registers an already compiled model (discriminators). */
  registerModel(name: string, model: ModelClass): void {
    if (this.#models.has(name)) throw new OverwriteModelError(name)
    this.#models.set(name, model)
  }

  /** Removes a model definition (mongoose's `deleteModel`). Accepts a RegExp. */
  deleteModel(name: string | RegExp): this {
    for (const key of [...this.#models.keys()]) {
      if (typeof name === 'string' ? key === name : name.test(key)) this.#models.delete(key)
    }
    return this
  }

  /** Forgets every model (tests). Open engines stay open. */
  clearRegistry(): void {
    this.#models.clear()
    this.#stores.clear()
    this.#readyStores = new WeakMap()
  }

  // ── engines and stores (ModelHost) ─────────────────────────────────────────────────────────

  #storageFor(modelName: string | undefined): { key: string; options: StorageOptions } {
    const override = modelName === undefined ? undefined : this.#options.models?.[modelName]
    if (override) {
      // A strategy object stores exactly this model's collection.
      const storage = isStorageStrategy(override.storage)
        ? ((() => override.storage) as StrategyFactory)
        : override.storage
      return {
        key: `model:${modelName}`,
        options: { durability: this.#options.durability, ...override, storage },
      }
    }
    return { key: 'default', options: this.#options }
  }

  #engineFor(modelName: string | undefined): Promise<StorageEngine> {
    if (this.#closed) throw new ClosedError('This database')
    const { key, options } = this.#storageFor(modelName)
    let engine = this.#engines.get(key)
    if (!engine) {
      engine = createEngine(options, this.#options.importer).then(async (e) => {
        await e.open()
        this.#sweeper.start()
        return e
      })
      this.#engines.set(key, engine)
      engine.catch(() => this.#engines.delete(key))
    }
    return engine
  }

  /** Opens (once) the collection store of a model, with its schema's indexes. */
  storeFor(internals: ModelInternals): MaybePromise<CollectionStore> {
    const owner = internals.discriminator?.base ?? internals
    const open = this.#readyStores.get(owner)
    if (open !== undefined) return open
    const key = `${owner.name}\u0000${owner.collectionName}`
    let store = this.#stores.get(key)
    if (!store) {
      store = this.#engineFor(owner.name).then((engine) =>
        CollectionStore.open(engine, owner.collectionName, schemaIndexSpecs(owner.schema))
      )
      this.#stores.set(key, store)
      const opening = store
      store.then(
        (opened) => {
          // Only while it is still the registered store (close() or clearRegistry() may have run).
          if (this.#stores.get(key) === opening) this.#readyStores.set(owner, opened)
        },
        () => this.#stores.delete(key)
      )
    }
    return store
  }

  /** The store of a collection by name: a registered model's (with its indexes) or a bare one. */
  collectionStore(name: string): Promise<CollectionStore> {
    assertValidName(name, 'collection')
    for (const model of this.#models.values()) {
      const internals = model.$__model
      if (internals.collectionName === name)
        return Promise.resolve(this.storeFor(internals.discriminator?.base ?? internals))
    }
    const key = `\u0000${name}`
    let store = this.#stores.get(key)
    if (!store) {
      store = this.#engineFor(undefined).then((engine) => CollectionStore.open(engine, name, []))
      this.#stores.set(key, store)
      store.catch(() => this.#stores.delete(key))
    }
    return store
  }

  async #openStores(): Promise<CollectionStore[]> {
    const out: CollectionStore[] = []
    for (const s of this.#stores.values()) {
      try {
        out.push(await s)
      } catch {
        // A store that failed to open has nothing to sweep.
      }
    }
    return out
  }

  /** Runs `fn` in an engine transaction (or, without transaction support, under a write lock). */
  async transaction<T>(
    internals: ModelInternals,
    fn: (txn: EngineTxn | undefined) => Promise<T>
  ): Promise<T> {
    const store = await this.storeFor(internals)
    const engine = store.engine
    if (engine.capabilities.transactions) return engine.transaction((txn) => fn(txn))
    let lock = this.#locks.get(engine)
    if (!lock) this.#locks.set(engine, (lock = new WriteLock()))
    return lock.run(() => fn(undefined))
  }

  /** Starts a session for transactions on the default engine. */
  async startSession(): Promise<ClientSession> {
    return new ClientSession(await this.#engineFor(undefined))
  }

  /** Runs `fn` in a transaction with a fresh session (mongoose's `connection.transaction`). */
  async transactionWithSession<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = await this.startSession()
    try {
      return await session.withTransaction(fn)
    } finally {
      await session.endSession()
    }
  }

  /** Runs one TTL sweep now; resolves to how many documents expired. */
  sweepExpired(): Promise<number> {
    return this.#sweeper.sweep()
  }

  /** Deletes every collection of every engine of this database (models stay defined). */
  async dropDatabase(): Promise<void> {
    for (const enginePromise of this.#engines.values()) {
      const engine = await enginePromise
      for (const name of await engine.listCollections()) await engine.dropCollection(name)
    }
    this.#stores.clear()
    this.#readyStores = new WeakMap()
  }

  /** Hot backup of the default engine's data into `targetDir` (engines with the `backup` capability). */
  async backup(targetDir: string): Promise<void> {
    const engine = await this.#engineFor(undefined)
    if (!engine.capabilities.backup || !engine.backup) {
      throw new NotSupportedError(`storage '${engine.name}' cannot take a hot backup`)
    }
    await engine.backup(targetDir)
  }

  /** Storage statistics of the default engine. */
  async stats(): Promise<Record<string, unknown>> {
    const engine = await this.#engineFor(undefined)
    return { ...(await engine.stats()) }
  }

  /** Flushes and closes every engine. The database can be reopened by using it (or connect()) again. */
  async close(): Promise<void> {
    this.#sweeper.stop()
    const engines = [...this.#engines.values()]
    this.#engines.clear()
    this.#stores.clear()
    this.#readyStores = new WeakMap()
    this.#locks.clear()
    for (const e of engines) {
      const engine = await e.catch(() => undefined)
      if (engine) await engine.close()
    }
  }
}

/** Builds an (unopened) engine for a storage choice. */
async function createEngine(
  options: StorageOptions,
  importer: DatabaseOptions['importer']
): Promise<StorageEngine> {
  const storage = options.storage ?? 'memory'
  if (typeof storage === 'string') {
    const backend = await loadBackend(storage, importer)
    const engineOptions = backendOptions(options, storage)
    // Every write path of the model layer hands the engine freshly built objects it never touches
    // again (see toStoredForm), so the memory engine can keep them instead of copying each one.
    if (storage === 'memory') return backend.createEngine({ copyOnWrite: false, ...engineOptions })
    return backend.createEngine(engineOptions)
  }
  if (typeof storage === 'function') return new StrategyEngine(storage as StrategyFactory)
  if (isStorageStrategy(storage)) {
    throw new MemgooseError(
      'BAD_OPTION',
      'A StorageStrategy stores one collection: pass it per model (`models: { Name: { storage } }`) or pass a factory `(collection) => strategy`'
    )
  }
  const candidate = storage as Partial<StorageEngine & StorageBackend>
  if (typeof candidate.createEngine === 'function') {
    return (storage as StorageBackend).createEngine(
      backendOptions(options, (storage as StorageBackend).name)
    )
  }
  if (candidate.capabilities && typeof candidate.collection === 'function')
    return storage as StorageEngine
  throw new MemgooseError(
    'BAD_OPTION',
    'storage must be a backend name, a backend object, an engine or a strategy factory'
  )
}

function backendOptions(options: StorageOptions, name: string): Record<string, unknown> {
  const own = (options[name] as Record<string, unknown> | undefined) ?? {}
  const top = options as { dataPath?: unknown }
  return {
    ...(top.dataPath !== undefined ? { dataPath: top.dataPath } : {}),
    ...(options.durability !== undefined ? { durability: options.durability } : {}),
    ...own,
  }
}
