/**
 * The storage engine contract: the few primitives a backend implements. Everything else — casting,
 * validation, middleware, query planning, updates, aggregation — lives in the core and is shared.
 *
 * Values crossing the contract are the BSON value model: null, booleans, numbers, strings, Date,
 * ObjectId, Decimal128, Long, Binary / Uint8Array / Buffer, RegExp, arrays and plain objects (Maps are
 * stored as plain objects, as MongoDB stores them). An engine must return every value exactly as it
 * received it: same types, same field order, same array order.
 *
 * Synchronous answers are allowed everywhere a `MaybePromise` is returned: engines whose operations are
 * synchronous underneath (memory, SQLite, WiredTiger point operations) return plain values, so a
 * `findOne` costs one `await` rather than one per layer.
 */

/** A value or a promise of it. */
export type MaybePromise<T> = T | Promise<T>

/** A stored document: a plain object with an `_id`. */
export type StoredDoc = Record<string, unknown> & { _id: unknown }

/** How far an acknowledged write has travelled. See docs/storage.md. */
export type Durability = 'none' | 'memory' | 'os' | 'full'

/**
 * What an engine can do itself, declared up front. The planner reads these; it never probes methods.
 */
export interface EngineCapabilities {
  /** Data survives `close()` and reopening. */
  readonly persistent: boolean
  /**
   * `transaction()` is atomic and isolated: on a throw nothing written inside it is visible, and
   * concurrent readers never see a half-applied transaction.
   */
  readonly transactions: boolean
  /**
   * `scan()` and `count()` honour `plan.filter`, returning exactly the matching documents. When false,
   * the planner never sets `plan.filter` and applies the predicate itself.
   */
  readonly filterPushdown: boolean
  /** `scan()` honours `plan.sort`, `plan.skip` and `plan.limit` (only ever set together with an exact filter). */
  readonly sortPushdown: boolean
  /** The engine can run aggregation stages itself (`EngineCollection.aggregate`). */
  readonly aggregatePushdown: boolean
  /** Documents returned by `get`/`scan` are fresh copies the caller may keep and mutate. */
  readonly ownedResults: boolean
  /**
   * Index kinds the engine maintains. `partial` and `sparse`: the engine leaves non-matching documents
   * out of the index (and out of its uniqueness check). `ttl`: the engine records `expireAfterSeconds`
   * and returns it from `listIndexes()`. Features not listed make `ensureIndex` throw NotSupportedError.
   */
  readonly indexFeatures: readonly ('unique' | 'sparse' | 'partial' | 'ttl' | 'multikey')[]
  /** Durability levels the engine honours (others are rejected at open with NotSupportedError). */
  readonly durability: readonly Durability[]
  /** `StorageEngine.backup` exists: a consistent copy can be taken while writers run. */
  readonly backup?: boolean
}

/** One field of an index key, with its direction. */
export type IndexKeyField = readonly [path: string, direction: 1 | -1]

/** An index definition, as recorded by the engine and returned by `listIndexes()`. */
export interface IndexSpec {
  /** Unique within the collection; `_id_` is the implicit primary index. */
  readonly name: string
  /** Ordered key fields, e.g. `[['city', 1], ['age', -1]]`. */
  readonly key: readonly IndexKeyField[]
  /** Rejects a second document with the same key (DuplicateKeyError, code 11000). */
  readonly unique?: boolean
  /** Documents missing every key field are left out of the index. */
  readonly sparse?: boolean
  /** Only documents matching this filter are indexed (and checked for uniqueness). */
  readonly partialFilterExpression?: Record<string, unknown>
  /**
   * TTL: documents whose (Date) key is older than this many seconds are deleted by the core's sweeper.
   * The engine only records it (and indexes the field like any other index); it deletes nothing itself.
   */
  readonly expireAfterSeconds?: number
}

/** An index as the engine reports it, including what it learned from the data. */
export interface IndexInfo extends IndexSpec {
  /** Some indexed document holds an array on a key path, so index order is not document order. */
  readonly multikey: boolean
}

/** What the core asks for when opening a collection. */
export interface CollectionSpec {
  /** Secondary indexes that must exist (created if missing, built over existing documents). */
  readonly indexes: readonly IndexSpec[]
}

/**
 * One contiguous range of index keys. Tuples are compared field by field in index order, with
 * `MinKey`/`MaxKey` (see values/keystring.ts) as open ends; a tuple shorter than the index is a prefix
 * bound (`['Paris']` as both ends of an inclusive range selects every key starting with 'Paris').
 * "Index order" applies each field's direction: on a descending field `lower` holds the larger value
 * (and `MaxKey` is its open lower end), as in MongoDB's index bounds.
 */
export interface KeyRange {
  readonly lower: readonly unknown[]
  readonly lowerInclusive: boolean
  readonly upper: readonly unknown[]
  readonly upperInclusive: boolean
}

/**
 * What `scan`/`count` should walk. Without `index`, the whole collection in `_id` order.
 * With `index`, the union of `ranges` (the whole index when `ranges` is omitted) over that index in
 * key order (reversed when `reverse`), each
 * document at most once. Results from an index walk may be a superset: the core re-checks every
 * document with the full predicate, so engines need not worry about stale or multikey duplicates
 * beyond returning each document once.
 */
export interface ScanPlan {
  readonly index?: string
  readonly ranges?: readonly KeyRange[]
  readonly reverse?: boolean
  /** Only for engines with `filterPushdown`: return only documents matching this (cast) filter. */
  readonly filter?: Record<string, unknown>
  /** Only for engines with `sortPushdown`, and only with an exact `filter` (or none). */
  readonly sort?: readonly IndexKeyField[]
  readonly skip?: number
  readonly limit?: number
  /** Suggested batch size; engines may return smaller or larger batches. */
  readonly batchSize?: number
}

/** Batches of documents. Sync engines may return a plain iterable; a batch is never empty. */
export type DocBatches = Iterable<readonly StoredDoc[]> | AsyncIterable<readonly StoredDoc[]>

/** An engine transaction handle, passed back into collection methods. Opaque to the core. */
export interface EngineTxn {
  /** Set once the transaction has committed or rolled back; using it after that is an error. */
  readonly finished: boolean
}

/** Engine statistics merged into `db.stats()`. */
export interface EngineStats {
  readonly engine: string
  readonly collections: number
  readonly documents: number
  /** Bytes on disk, when the engine knows. */
  readonly storageSize?: number
  /** Engine-specific details (cache use, checkpoints, ...). */
  readonly details?: Record<string, unknown>
}

/**
 * One collection of an engine. Every write is atomic per call: it applies whole or throws having
 * changed nothing. Unique and secondary indexes are maintained by the engine inside the same write.
 */
export interface EngineCollection {
  /** The collection name as given to `StorageEngine.collection`. */
  readonly name: string
  /** The document with this `_id` (compared by value: ObjectIds by bytes, 1 ≡ 1.0), or undefined. */
  get(id: unknown, txn?: EngineTxn): MaybePromise<StoredDoc | undefined>
  /**
   * Inserts documents, all or none. Throws DuplicateKeyError (code 11000) on an `_id` or unique-index
   * collision — including between two documents of the same call — with `index` set to the position
   * in `docs` of the first failing document; nothing is written then.
   */
  insert(docs: readonly StoredDoc[], txn?: EngineTxn): MaybePromise<void>
  /**
   * Replaces the document with `doc._id`. Returns false (writing nothing) when it does not exist.
   * Throws DuplicateKeyError on a unique-index collision, leaving the old document in place.
   */
  replace(doc: StoredDoc, txn?: EngineTxn): MaybePromise<boolean>
  /** Deletes the documents with these `_id`s; returns how many existed. */
  delete(ids: readonly unknown[], txn?: EngineTxn): MaybePromise<number>
  /** Walks documents as the plan says, in batches. See ScanPlan. */
  scan(plan: ScanPlan, txn?: EngineTxn): DocBatches
  /** How many documents `scan(plan)` would return (ignoring `batchSize`). */
  count(plan: ScanPlan, txn?: EngineTxn): MaybePromise<number>
  /** Engine-specific description of how `plan` would run (index walked, SQL pushed, ...), for explain(). */
  explainScan(plan: ScanPlan): Record<string, unknown>
  /**
   * Creates the index if no index of that name exists, building it over existing documents. Throws
   * DuplicateKeyError (building nothing) when a unique index would be violated; throws
   * NotSupportedError for index features not in `capabilities.indexFeatures`.
   */
  ensureIndex(spec: IndexSpec): MaybePromise<void>
  /** Removes a secondary index; `_id_` cannot be dropped. Returns false if it did not exist. */
  dropIndex(name: string): MaybePromise<boolean>
  /** Every index, `_id_` first. */
  listIndexes(): MaybePromise<readonly IndexInfo[]>
  /** Removes every document, keeping the indexes. */
  clear(): MaybePromise<void>
}

/**
 * A storage engine: one memgoose database (one directory / file / WiredTiger home) holding every
 * collection of that database.
 */
export interface StorageEngine {
  /** Short engine name, e.g. `'memory'`, `'sqlite'`. */
  readonly name: string
  readonly capabilities: EngineCapabilities
  /** Opens files, takes locks, runs recovery. Called once before any other member. */
  open(): Promise<void>
  /** Opens (creating if needed) a collection and makes sure `spec.indexes` exist. */
  collection(name: string, spec: CollectionSpec): MaybePromise<EngineCollection>
  /** Names of the collections that exist. */
  listCollections(): MaybePromise<readonly string[]>
  /** Deletes a collection with its indexes. Returns false if it did not exist. */
  dropCollection(name: string): MaybePromise<boolean>
  /**
   * Runs `fn` in one transaction: everything it writes through `txn` commits together when it
   * resolves, or not at all when it throws (the error is re-thrown). Engines without the
   * `transactions` capability run `fn` directly and throw NotSupportedError if asked to roll back.
   */
  transaction<T>(fn: (txn: EngineTxn) => Promise<T>): Promise<T>
  /** Makes every acknowledged write durable to the engine's strongest level (checkpoint/fsync). */
  flush(): Promise<void>
  stats(): MaybePromise<EngineStats>
  /**
   * Only with `capabilities.backup`: copies the whole database into `targetDir` (which must be empty
   * or missing) while writers keep running; the copy opens as a database of its own holding every
   * write committed before the backup started.
   */
  backup?(targetDir: string): Promise<void>
  /** Flushes and releases everything; further calls throw ClosedError. Closing twice is a no-op. */
  close(): Promise<void>
}

/**
 * What a backend package exports as `createEngine`, and what `connect({ storage: object })` accepts:
 * a factory from the backend's option object to an unopened engine.
 */
export interface StorageBackend<Options = Record<string, unknown>> {
  /** The storage name this backend answers to (`'sqlite'`). */
  readonly name: string
  createEngine(options: Options & { durability?: Durability }): StorageEngine
}
