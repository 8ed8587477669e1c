/**
 * CollectionStore: the read/write path between the model layer and one engine collection. Reads go
 * planner → engine scan → residual predicate → sort/skip/limit → copy; writes go straight to the
 * engine, which maintains indexes. Everything here works on raw stored documents (no schema).
 */
import type {
  DocBatches,
  EngineCollection,
  EngineTxn,
  IndexInfo,
  IndexKeyField,
  IndexSpec,
  MaybePromise,
  StorageEngine,
  StoredDoc,
} from '../engine/contract.js'
import { planQuery, type QueryPlan } from '../planner/index.js'
import { isPromise } from '../engine/maybe-promise.js'
import { compileFilter, compileProjection, normalizeSort, sortDocuments } from '../query/index.js'
import { isPlainObject } from '../values/bson.js'
import { cloneValue } from '../values/clone.js'
import { valuesEqual } from '../values/compare.js'

/** Options of a read. */
export interface ReadOptions {
  sort?: unknown
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
  hint?: string
  txn?: EngineTxn
  batchSize?: number
  /**
   * Hand back the engine's own (immutable) documents instead of copies, for callers that copy what
   * they keep anyway (hydration) or never mutate what they read (the aggregation pipeline, which
   * copies its output). Without it every result is a caller-owned copy.
   */
  borrow?: boolean
}

type Doc = Record<string, unknown>

/** The raw-document access path of one collection. */
export class CollectionStore {
  readonly name: string
  readonly engine: StorageEngine
  #collection: EngineCollection
  #indexes: readonly IndexInfo[] = []
  /** Single-field, non-multikey, non-partial indexes by path: the equality shortcut's candidates. */
  #equalityIndexes = new Map<string, IndexInfo>()
  #couldBecomeMultikey = false
  #owned: boolean

  private constructor(engine: StorageEngine, collection: EngineCollection) {
    this.name = collection.name
    this.engine = engine
    this.#collection = collection
    this.#owned = engine.capabilities.ownedResults
  }

  /** Opens the collection on the engine with its indexes. */
  static async open(
    engine: StorageEngine,
    name: string,
    indexes: readonly IndexSpec[]
  ): Promise<CollectionStore> {
    const collection = await engine.collection(name, { indexes })
    const store = new CollectionStore(engine, collection)
    await store.refreshIndexes()
    return store
  }

  /** The engine collection (for engine-specific features). */
  get collection(): EngineCollection {
    return this.#collection
  }

  /** Reloads index metadata (after creating or dropping an index, or a write that made one multikey). */
  async refreshIndexes(): Promise<readonly IndexInfo[]> {
    this.#setIndexes(await this.#collection.listIndexes())
    return this.#indexes
  }

  #setIndexes(indexes: readonly IndexInfo[]): void {
    this.#indexes = indexes
    this.#equalityIndexes.clear()
    this.#couldBecomeMultikey = false
    for (const info of indexes) {
      if (info.name === '_id_') continue
      if (!info.multikey) this.#couldBecomeMultikey = true
      const path = info.key[0][0]
      // Top-level paths only (what #equalityLookup answers), so a read need not check the name.
      const plain = !path.includes('.') && !path.startsWith('$')
      const whole = info.partialFilterExpression === undefined
      if (info.key.length === 1 && plain && whole && !info.multikey) {
        this.#equalityIndexes.set(path, info)
      }
    }
  }

  /**
   * After a write: an index that held no arrays may hold one now, and the planner must know (an
   * index walk over arrays neither gives sorted output nor one entry per document).
   */
  async #afterWrite(): Promise<void> {
    if (this.#couldBecomeMultikey) this.#setIndexes(await this.#collection.listIndexes())
  }

  /** The indexes, as last loaded. */
  get indexes(): readonly IndexInfo[] {
    return this.#indexes
  }

  /**
   * Documents matching `filter`, sorted, skipped and limited, as caller-owned copies. An engine that
   * answers synchronously gets a synchronous answer: a point lookup then costs no promise at all.
   */
  find(filter: Doc, options: ReadOptions = {}): MaybePromise<Doc[]> {
    const project = this.#projector(options.projection, filter)
    const idKey = idLookup(filter)
    if (idKey !== undefined && !options.skip) {
      const found = this.#collection.get(idKey.id, options.txn)
      return isPromise(found)
        ? found.then((doc) => this.#idResult(doc, filter, idKey.rest, project, options))
        : this.#idResult(found, filter, idKey.rest, project, options)
    }
    if (options.sort === undefined && !options.skip) {
      const found = this.#equalityLookup(filter, project, options)
      if (found !== undefined) return found
    }
    const { plan, sortCovered } = this.#plan(filter, options)
    const predicate = compileFilter(filter)
    const sort = options.sort === undefined ? undefined : normalizeSort(options.sort as never)
    const needsSort = sort !== undefined && sort.length > 0 && !sortCovered
    const pushedWindow = plan.skip !== undefined || plan.limit !== undefined
    const skip = pushedWindow ? 0 : (options.skip ?? 0)
    const limit = pushedWindow ? undefined : options.limit
    const stopAt = !needsSort && limit !== undefined && limit > 0 ? skip + limit : Infinity
    const matched: Doc[] = []
    const finish = (): Doc[] => {
      if (needsSort) sortDocuments(matched, sort as never)
      const end = limit !== undefined && limit > 0 ? skip + limit : matched.length
      const window = skip > 0 || end < matched.length ? matched.slice(skip, end) : matched
      for (let i = 0; i < window.length; i++)
        window[i] = this.#output(window[i], project, options.borrow)
      return window
    }
    const done = eachBatch(this.#collection.scan(plan, options.txn), (batch) => {
      for (let i = 0; i < batch.length; i++) {
        const doc = batch[i]
        if (predicate(doc)) {
          matched.push(doc)
          if (matched.length >= stopAt) return false
        }
      }
      return true
    })
    return done === undefined ? finish() : done.then(finish)
  }

  #idResult(
    found: StoredDoc | undefined,
    filter: Doc,
    rest: boolean,
    project: ((doc: Doc) => Doc) | undefined,
    options: ReadOptions
  ): Doc[] {
    if (!found || (rest && !compileFilter(filter)(found)) || options.limit === 0) return []
    return [this.#output(found, project, options.borrow)]
  }

  /** The first matching document (after sorting and skipping), or undefined. */
  async findOne(filter: Doc, options: ReadOptions = {}): Promise<Doc | undefined> {
    const [doc] = await this.find(filter, { ...options, limit: 1 })
    return doc
  }

  /** Streams matching documents one by one (see streamBatches). */
  async *stream(filter: Doc, options: ReadOptions = {}): AsyncGenerator<Doc> {
    for await (const batch of this.streamBatches(filter, options)) yield* batch
  }

  /**
   * Streams matching documents as arrays (one per engine batch, fresh arrays the caller may keep):
   * the aggregation runner pays one await per batch instead of per document. A sort no index covers
   * makes it buffer everything first.
   */
  async *streamBatches(filter: Doc, options: ReadOptions = {}): AsyncGenerator<Doc[]> {
    const sort = options.sort === undefined ? [] : normalizeSort(options.sort as never)
    const { plan, sortCovered } = this.#plan(filter, options)
    if (sort.length > 0 && !sortCovered) {
      yield await this.find(filter, options)
      return
    }
    const predicate = compileFilter(filter)
    const project = this.#projector(options.projection, filter)
    const pushedWindow = plan.skip !== undefined || plan.limit !== undefined
    let toSkip = pushedWindow ? 0 : (options.skip ?? 0)
    let left = pushedWindow || !options.limit ? Infinity : options.limit
    const scanPlan =
      options.batchSize === undefined ? plan : { ...plan, batchSize: options.batchSize }
    // Every document of every batch passes unchanged (no filter, no window, nothing to copy): hand
    // the engine's batches on as they are.
    const passThrough =
      (this.#owned || options.borrow === true) &&
      project === undefined &&
      toSkip === 0 &&
      left === Infinity &&
      Object.keys(filter).length === 0
    for await (const batch of this.#collection.scan(scanPlan, options.txn)) {
      if (passThrough) {
        yield batch.slice()
        continue
      }
      const out: Doc[] = []
      for (const doc of batch) {
        if (!predicate(doc)) continue
        if (toSkip > 0) {
          toSkip--
          continue
        }
        out.push(this.#output(doc, project, options.borrow))
        if (--left <= 0) break
      }
      if (out.length > 0) yield out
      if (left <= 0) return
    }
  }

  /** How many documents match. Uses the engine's count when the filter can be answered exactly there. */
  async count(filter: Doc, txn?: EngineTxn): Promise<number> {
    if (Object.keys(filter).length === 0) return this.#collection.count({}, txn)
    const { plan } = this.#plan(filter, {})
    if (plan.filter !== undefined) return this.#collection.count(plan, txn)
    const predicate = compileFilter(filter)
    let n = 0
    await eachBatch(this.#collection.scan(plan, txn), (batch) => {
      for (let i = 0; i < batch.length; i++) if (predicate(batch[i])) n++
      return true
    })
    return n
  }

  /** The plan the planner picks, plus what the engine says about running it. */
  explain(filter: Doc, options: ReadOptions = {}): Record<string, unknown> {
    const { plan, sortCovered, explain } = this.#plan(filter, options)
    return { ...explain, sortCovered, engine: this.#collection.explainScan(plan) }
  }

  #plan(filter: Doc, options: ReadOptions): QueryPlan {
    const sort =
      options.sort === undefined
        ? undefined
        : (normalizeSort(options.sort as never) as IndexKeyField[])
    return planQuery({
      filter,
      sort,
      skip: options.skip,
      limit: options.limit,
      indexes: this.#indexes,
      capabilities: this.engine.capabilities,
      hint: options.hint,
    })
  }

  /**
   * The commonest query, read without the planner: one top-level field equal to a scalar, with a
   * single-field index on it that holds no arrays. The re-check is then an exact comparison of that
   * one field, with MongoDB's equality. Undefined when the filter is anything else.
   */
  #equalityLookup(
    filter: Doc,
    project: ((doc: Doc) => Doc) | undefined,
    options: ReadOptions
  ): MaybePromise<Doc[]> | undefined {
    let field: string | undefined
    for (const key in filter) {
      if (field !== undefined) return undefined
      field = key
    }
    if (field === undefined) return undefined
    const index = this.#equalityIndexes.get(field)
    if (index === undefined) return undefined
    const value = filter[field]
    const type = typeof value
    if (!(type === 'string' || type === 'boolean' || (type === 'number' && value === value)))
      return undefined
    const bound = [value]
    const range = { lower: bound, lowerInclusive: true, upper: bound, upperInclusive: true }
    const batches = this.#collection.scan({ index: index.name, ranges: [range] }, options.txn)
    const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Infinity
    const out: Doc[] = []
    const key = field
    const borrow = options.borrow
    const done = eachBatch(batches, (batch) =>
      this.#takeEqual(batch, key, value, project, borrow, limit, out)
    )
    return done === undefined ? out : done.then(() => out)
  }

  /** Adds to `out` the documents of `batch` whose `field` equals `value`; false once `limit` is reached. */
  #takeEqual(
    batch: readonly StoredDoc[],
    field: string,
    value: unknown,
    project: ((doc: Doc) => Doc) | undefined,
    borrow: boolean | undefined,
    limit: number,
    out: Doc[]
  ): boolean {
    for (let i = 0; i < batch.length; i++) {
      const stored = batch[i][field]
      if (stored !== value && !valuesEqual(stored, value)) continue
      out.push(this.#output(batch[i], project, borrow))
      if (out.length >= limit) return false
    }
    return true
  }

  /** Compiles (and so validates) a projection once per read; undefined when there is none. */
  #projector(
    projection: Record<string, unknown> | undefined,
    filter: Doc
  ): ((doc: Doc) => Doc) | undefined {
    if (!projection || Object.keys(projection).length === 0) return undefined
    // The filter lets positional projections (`'items.$': 1`) find the matched element.
    return compileProjection(projection, filter) as (doc: Doc) => Doc
  }

  /** A caller-owned result: projected, and copied unless the engine already hands out copies. */
  #output(doc: Doc, project: ((doc: Doc) => Doc) | undefined, borrow: boolean | undefined): Doc {
    const out = project ? project(doc) : doc
    return this.#owned || borrow ? out : cloneValue(out)
  }

  /** Reads one document by `_id` (a caller-owned copy). */
  async get(id: unknown, txn?: EngineTxn): Promise<Doc | undefined> {
    const doc = await this.#collection.get(id, txn)
    return doc === undefined ? undefined : this.#owned ? doc : cloneValue(doc)
  }

  /**
   * Inserts documents atomically (see EngineCollection.insert). Callers hand over objects they will
   * not touch again: the engine may keep them as they are.
   */
  async insert(docs: readonly StoredDoc[], txn?: EngineTxn): Promise<void> {
    await this.#collection.insert(docs, txn)
    await this.#afterWrite()
  }

  /** Replaces a document by `_id` (handing the object over, as insert does); false when it is gone. */
  async replace(doc: StoredDoc, txn?: EngineTxn): Promise<boolean> {
    const replaced = await this.#collection.replace(doc, txn)
    await this.#afterWrite()
    return replaced
  }

  /** Deletes by `_id`; returns how many existed. */
  async delete(ids: readonly unknown[], txn?: EngineTxn): Promise<number> {
    return this.#collection.delete(ids, txn)
  }

  /** Removes every document. */
  async clear(): Promise<void> {
    await this.#collection.clear()
  }
}

/**
 * Feeds each batch of a scan to `visit` until it returns false. Engines that answer synchronously
 * return a plain iterable: that is walked at once, with no promise (undefined is returned); an async
 * iterable gives a promise of the end of the walk.
 */
function eachBatch(
  batches: DocBatches,
  visit: (batch: readonly StoredDoc[]) => boolean
): Promise<void> | undefined {
  if (Symbol.iterator in batches) {
    for (const batch of batches) if (!visit(batch)) return undefined
    return undefined
  }
  return (async () => {
    for await (const batch of batches) if (!visit(batch)) return
  })()
}

/**
 * Recognises `{ _id: <scalar> }` (optionally with other conditions) so the read can be a primary-key
 * get instead of a planned scan — the hot path of findById.
 */
function idLookup(filter: Doc): { id: unknown; rest: boolean } | undefined {
  if (!Object.prototype.hasOwnProperty.call(filter, '_id')) return undefined
  let id = filter._id
  if (isPlainObject(id)) {
    const keys = Object.keys(id)
    if (keys.length !== 1 || keys[0] !== '$eq') return undefined
    id = id.$eq
  }
  if (
    id === null ||
    id === undefined ||
    Array.isArray(id) ||
    id instanceof RegExp ||
    isPlainObject(id)
  )
    return undefined
  let rest = false
  for (const key in filter) {
    if (key !== '_id') {
      rest = true
      break
    }
  }
  return { id, rest }
}
