/**
 * Runs a Query: casts its filter with the schema, applies discriminator and projection rules, runs the
 * operation against the collection store inside the operation's middleware, and shapes the result.
 */
import { DocumentNotFoundError } from '../errors/index.js'
import { isPromise } from '../engine/maybe-promise.js'
import { castFilter } from '../schema/cast-query.js'
import type { Schema } from '../schema/schema.js'
import { getValues } from '../query/index.js'
import { encodeKey } from '../values/keystring.js'
import type { Document } from './document.js'
import type { ModelClass } from './model-types.js'
import { populateDocuments } from './populate.js'
import type { Query, QueryOptions } from './query.js'
import { resolveTxn } from './session.js'
import type { EngineTxn, MaybePromise } from '../engine/contract.js'
import type { CollectionStore, ReadOptions } from './store.js'
import { runDelete, runUpdate } from './update-exec.js'
import { leanVirtuals } from './lean.js'

type Filter = Record<string, unknown>

/**
 * Runs pre middleware, the operation and post middleware (error handlers included). Never throws:
 * every failure is a rejection of the returned promise.
 */
export function executeQuery(query: Query): Promise<unknown> {
  const hooks = query.model.schema.s.hooks
  // The common case has no middleware: skip the hook machinery (and its promises) entirely.
  if (!hooks.has(query.op)) return runOperation(query)
  return withMiddleware(query)
}

async function withMiddleware(query: Query): Promise<unknown> {
  const hooks = query.model.schema.s.hooks
  await hooks.runPre(query.op, query, 'query')
  let result: unknown
  let error: unknown
  try {
    result = await runOperation(query)
  } catch (err) {
    error = err
  }
  const finalError = await hooks.runPost(query.op, query, 'query', result, error)
  if (finalError !== undefined) throw finalError
  return result
}

/** The filter as the store sees it: cast by the schema, restricted to a discriminator's documents. */
export function preparedFilter(
  model: ModelClass,
  filter: Filter,
  options: QueryOptions = {}
): Filter {
  const cast = castFilter(model.schema, filter, {
    strictQuery: options.strictQuery as boolean | 'throw' | undefined,
    translateAliases: options.translateAliases,
  })
  const disc = model.$__model.discriminator
  if (disc && cast[disc.key] === undefined) cast[disc.key] = disc.value
  return cast
}

/** Store read options from query options (projection with `select: false` paths removed). */
export function readOptions(
  model: ModelClass,
  options: QueryOptions,
  txn?: EngineTxn
): ReadOptions {
  return {
    sort: options.sort,
    skip: options.skip,
    limit: options.limit,
    projection: effectiveProjection(model, options.projection),
    hint: typeof options.hint === 'string' ? options.hint : undefined,
    txn,
    batchSize: options.batchSize,
  }
}

const hiddenCache = new WeakMap<Schema, string[]>()

/** Paths declared `select: false`, computed once per schema. */
function hiddenPaths(schema: Schema): string[] {
  let hidden = hiddenCache.get(schema)
  if (!hidden) {
    hidden = [...schema.paths].filter(([, type]) => type.excludedByDefault).map(([path]) => path)
    hiddenCache.set(schema, hidden)
  }
  return hidden
}

/** Applies `select: false` and `+path` rules to the user's projection. */
function effectiveProjection(
  model: ModelClass,
  projection: Record<string, unknown> | undefined
): Record<string, unknown> | undefined {
  const hidden = hiddenPaths(model.schema)
  if (projection === undefined && hidden.length === 0) return undefined
  const out: Record<string, unknown> = {}
  const forced = new Set<string>()
  for (const [k, v] of Object.entries(projection ?? {})) {
    if (v === '+') forced.add(k)
    else out[k] = v
  }
  const values = Object.entries(out)
    .filter(([k]) => k !== '_id')
    .map(([, v]) => v)
  const inclusive = values.some(
    (v) => v === 1 || v === true || (typeof v === 'object' && v !== null)
  )
  if (!inclusive) {
    for (const path of hidden) if (!forced.has(path) && out[path] === undefined) out[path] = 0
  }
  return Object.keys(out).length > 0 ? out : undefined
}

function runOperation(query: Query): Promise<unknown> {
  try {
    const internals = query.model.$__model
    const store = internals.host.storeFor(internals)
    const options = query.getOptions()
    // Reads on an open store without a session go straight through: a point lookup on an engine
    // that answers synchronously then costs one promise, this one.
    const read = query.op === 'find' || query.op === 'findOne'
    if (read && options.session === undefined && !isPromise(store)) {
      return Promise.resolve(runRead(query, store, undefined))
    }
    return runAny(query, store, options)
  } catch (error) {
    return Promise.reject(error)
  }
}

async function runAny(
  query: Query,
  opening: MaybePromise<CollectionStore>,
  options: QueryOptions
): Promise<unknown> {
  const store = await opening
  const txn =
    options.session === undefined ? undefined : await resolveTxn(options.session, store.engine)
  if (query.op === 'find' || query.op === 'findOne') return runRead(query, store, txn)
  const model = query.model
  const filter = preparedFilter(model, query.getFilter(), options)
  switch (query.op) {
    case 'countDocuments':
      return countDocuments(store, filter, options, txn)
    case 'estimatedDocumentCount':
      return store.count(model.$__model.discriminator ? filter : {}, txn)
    case 'distinct':
      return distinct(store, filter, String(options.distinctField), txn)
    case 'deleteOne':
    case 'deleteMany':
    case 'findOneAndDelete':
      return runDelete(query, store, filter, txn)
    default:
      return runUpdate(query, store, filter, txn)
  }
}

/** find / findOne: the store read, then hydration and populate; synchronous when both are. */
function runRead(
  query: Query,
  store: CollectionStore,
  txn: EngineTxn | undefined
): MaybePromise<unknown> {
  const model = query.model
  const options = query.getOptions()
  const filter = preparedFilter(model, query.getFilter(), options)
  const one = query.op === 'findOne'
  const read = readOptions(model, options, txn)
  // Hydration copies each document anyway: borrow the engine's instead of copying twice.
  read.borrow = !options.lean
  if (one) read.limit = 1
  const raw = store.find(filter, read)
  const finish = (docs: unknown[]): unknown => {
    if (options.orFail && docs.length === 0) throw orFailError(options, filter, model)
    return one ? (docs[0] ?? null) : docs
  }
  const shaped = isPromise(raw)
    ? raw.then((r) => shapeResults(model, r, options))
    : shapeResults(model, raw, options)
  return isPromise(shaped) ? shaped.then(finish) : finish(shaped)
}

async function countDocuments(
  store: CollectionStore,
  filter: Filter,
  options: QueryOptions,
  txn: EngineTxn | undefined
): Promise<number> {
  if (!options.skip && !options.limit) return store.count(filter, txn)
  const docs = await store.find(filter, {
    skip: options.skip,
    limit: options.limit,
    projection: { _id: 1 },
    txn,
  })
  return docs.length
}

async function distinct(
  store: CollectionStore,
  filter: Filter,
  field: string,
  txn: EngineTxn | undefined
): Promise<unknown[]> {
  const seen = new Map<string, unknown>()
  for await (const doc of store.stream(filter, { txn })) {
    for (const value of getValues(doc, field)) {
      const items = Array.isArray(value) ? value : [value]
      for (const item of items) {
        if (item === undefined) continue
        const key = encodeKey([item])
        if (!seen.has(key)) seen.set(key, item)
      }
    }
  }
  return [...seen.values()]
}

/** Error for orFail(): the user's error (or factory), else DocumentNotFoundError. */
export function orFailError(options: QueryOptions, filter: Filter, model: ModelClass): unknown {
  const spec = options.orFail
  if (typeof spec === 'function') return (spec as () => unknown)()
  if (spec instanceof Error) return spec
  return new DocumentNotFoundError(filter, model.modelName)
}

/**
 * Hydrates (or leaves lean) raw results and populates them. Synchronous unless init middleware or
 * populate has to wait for something.
 */
export function shapeResults(
  model: ModelClass,
  raw: Record<string, unknown>[],
  options: QueryOptions
): MaybePromise<any[]> {
  const projection = options.projection
  const docs: any[] = options.lean ? raw : raw.map((r) => model.hydrate(r, projection))
  const hooks = model.schema.s.hooks
  const runsInit = !options.lean && hooks.has('init')
  const populates = options.populate !== undefined && options.populate.length > 0 && docs.length > 0
  if (!runsInit && !populates) return withLeanVirtuals(model, docs, options)
  return (async () => {
    if (runsInit) {
      for (let i = 0; i < docs.length; i++) {
        await hooks.runPre('init', docs[i], 'document', [raw[i]])
        await hooks.runPost('init', docs[i], 'document', docs[i])
      }
    }
    if (populates) {
      await populateDocuments(model, docs, options.populate as unknown[], {
        lean: Boolean(options.lean),
        session: options.session,
      })
    }
    return withLeanVirtuals(model, docs, options)
  })()
}

function withLeanVirtuals(model: ModelClass, docs: any[], options: QueryOptions): any[] {
  if (options.lean && typeof options.lean === 'object' && options.lean.virtuals) {
    for (const doc of docs) leanVirtuals(model.schema, doc)
  }
  return docs
}

/** The query as a plan description: filter, chosen index, engine details. */
export async function explainQuery(query: Query): Promise<Record<string, unknown>> {
  const model = query.model
  const store = await model.$__model.host.storeFor(model.$__model)
  const filter = preparedFilter(model, query.getFilter(), query.getOptions())
  const options = readOptions(model, query.getOptions())
  return {
    queryPlanner: {
      namespace: store.name,
      parsedQuery: filter,
      winningPlan: store.explain(filter, options),
    },
  }
}

/** A streaming cursor over a find query: documents are hydrated (or lean) one by one. */
export function queryCursor(query: Query): AsyncIterableIterator<unknown> & {
  next(): Promise<IteratorResult<unknown>>
  close(): Promise<void>
} {
  let inner: AsyncGenerator<Record<string, unknown>> | undefined
  let closed = false
  const model = query.model
  const options = query.getOptions()
  const start = async (): Promise<AsyncGenerator<Record<string, unknown>>> => {
    await model.schema.s.hooks.runPre('find', query, 'query')
    const store = await model.$__model.host.storeFor(model.$__model)
    const filter = preparedFilter(model, query.getFilter(), query.getOptions())
    const read = readOptions(model, options, await resolveTxn(options.session, store.engine))
    return store.stream(filter, { ...read, borrow: !options.lean })
  }
  const cursor = {
    async next(): Promise<IteratorResult<unknown>> {
      if (closed) return { done: true, value: undefined }
      inner ??= await start()
      const r = await inner.next()
      if (r.done) {
        closed = true
        return { done: true, value: undefined }
      }
      const [doc] = await shapeResults(model, [r.value], options)
      return { done: false, value: doc as Document }
    },
    async close(): Promise<void> {
      closed = true
      await inner?.return(undefined)
    },
    async return(): Promise<IteratorResult<unknown>> {
      await cursor.close()
      return { done: true, value: undefined }
    },
    [Symbol.asyncIterator]() {
      return cursor
    },
  }
  return cursor
}
