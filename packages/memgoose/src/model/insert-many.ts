/**
 * Model.insertMany with MongoDB's ordered/unordered semantics on top of the engine's atomic
 * multi-document insert: ordered stops at the first failure keeping the documents before it;
 * unordered writes every document that can be written and reports the rest.
 *
 * `lean: true` is mongoose's bulk-load path: no documents are built and nothing is validated, and the
 * caller gets its own objects back (given their `_id`). memgoose still casts each value with the
 * schema and fills defaults, so what is stored has the schema's types.
 */
import type { EngineTxn, StoredDoc } from '../engine/contract.js'
import { atPosition } from '../engine/index-keys.js'
import { BulkWriteError, DuplicateKeyError, type ValidationError } from '../errors/index.js'
import { applyDefaults, castObjectInto } from '../schema/cast-object.js'
import { ShapeCaster } from '../schema/shape-cast.js'
import type { Schema } from '../schema/schema.js'
import { Document, storedView } from './document.js'
import type { ModelClass } from './model-types.js'
import { markSaved, stampNew, stampedKeys, valueStamper } from './save.js'
import { resolveTxn } from './session.js'
import type { CollectionStore } from './store.js'
import { StoredFormBuilder, castIsStoredForm, hasUndefined } from './stored-form.js'

/** Options of insertMany. */
export interface InsertManyOptions {
  ordered?: boolean
  lean?: boolean
  session?: unknown
  rawResult?: boolean
  throwOnValidationError?: boolean
  timestamps?: boolean
}

/**
 * The documents on their way in, column by column: input position, the stored form handed to the
 * engine, and what insertMany resolves to for it (the Document, or with `lean` the caller's object).
 */
interface Candidates {
  /** Input position of each candidate; undefined when every input is one (the lean path). */
  index: number[] | undefined
  stored: StoredDoc[]
  out: unknown[]
  docs: Document[] | undefined
}

type WriteError = { index: number; code: number | string; errmsg: string; err: Error }

/** Inserts many documents; resolves to the inserted documents (or plain objects with `lean`). */
export async function insertMany(
  model: ModelClass,
  input: unknown,
  options: InsertManyOptions = {}
): Promise<unknown> {
  const list = Array.isArray(input) ? input : [input]
  const hooks = model.schema.s.hooks
  await hooks.runPre('insertMany', model, 'model', [list, options])
  const ordered = options.ordered !== false
  const validationErrors: { index: number; error: unknown }[] = []
  const candidates = options.lean
    ? leanCandidates(model, list, options)
    : await documentCandidates(model, list, options, ordered, validationErrors)
  const store = await model.$__model.host.storeFor(model.$__model)
  const txn = await resolveTxn(options.session, store.engine)
  const { inserted, failed } = await insertAll(store, candidates.stored, ordered, txn)
  if (options.lean) giveIds(list, candidates.stored)
  const written = (): number[] => inserted ?? candidates.stored.map((_, i) => i)
  const docs = candidates.docs
  if (docs) for (const i of written()) markSaved(docs[i], candidates.stored[i])
  const out = inserted === undefined ? candidates.out : inserted.map((i) => candidates.out[i])
  const writeErrors: WriteError[] = failed.map(({ at, err }) => ({
    index: candidates.index === undefined ? at : candidates.index[at],
    code: 11000,
    errmsg: err.message,
    err,
  }))
  if (writeErrors.length > 0) {
    const error = new BulkWriteError(writeErrors, out, { insertedCount: out.length })
    const replaced = await hooks.runPost('insertMany', model, 'model', out, error)
    throw replaced ?? error
  }
  await hooks.runPost('insertMany', model, 'model', out)
  if (options.rawResult) {
    return {
      acknowledged: true,
      insertedCount: out.length,
      insertedIds: Object.fromEntries(written().map((at, i) => [i, candidates.stored[at]._id])),
      mongoose: { validationErrors: validationErrors.map((v) => v.error as ValidationError) },
    }
  }
  return out
}

/** Documents built, validated and stamped; invalid ones are recorded (and thrown when ordered). */
async function documentCandidates(
  model: ModelClass,
  list: unknown[],
  options: InsertManyOptions,
  ordered: boolean,
  validationErrors: { index: number; error: unknown }[]
): Promise<Candidates> {
  const docs = list.map((d) =>
    d instanceof model ? (d as Document) : new model(d as Record<string, unknown>)
  )
  const results = await Promise.all(
    docs.map((d) =>
      d.validate().then(
        () => undefined,
        (e: unknown) => e
      )
    )
  )
  results.forEach((error, index) => error && validationErrors.push({ index, error }))
  if (validationErrors.length > 0 && (ordered || options.throwOnValidationError))
    throw validationErrors[0].error
  const index: number[] = []
  const stored: StoredDoc[] = []
  const valid: Document[] = []
  docs.forEach((doc, at) => {
    if (results[at]) return
    stampNew(model, doc, options)
    index.push(at)
    // One stored form per document: written to the engine and kept as the change-tracking baseline.
    stored.push(storedView(doc) as StoredDoc)
    valid.push(doc)
  })
  return { index, stored, out: valid, docs: valid }
}

/**
 * Plain values cast with the schema (defaults filled, `_id` first), stamped, no documents built.
 * As in mongoose, the caller gets back its own objects (given their `_id`, see giveIds); the
 * engine gets the cast values, which nothing else holds.
 */
function leanCandidates(
  model: ModelClass,
  list: unknown[],
  options: InsertManyOptions
): Candidates {
  const schema = model.schema
  const idFirst = schema.paths.has('_id')
  const castOptions = { applyDefaults: true }
  const stamp = valueStamper(model, options)
  const direct = castIsStoredForm(schema)
  const storedForm = new StoredFormBuilder()
  const Values = valuesClass(schema)
  // Inputs of one shape (the usual stream) are cast by a function compiled for that shape.
  const shapes = new ShapeCaster(schema, idFirst, stampedKeys(model, options))
  const n = list.length
  const stored = new Array<StoredDoc>(n)
  for (let i = 0; i < n; i++) {
    const input = list[i]
    const raw = input instanceof Document ? input.toObject() : (input as Record<string, unknown>)
    let values = shapes.cast(raw)
    if (values !== undefined) applyDefaults(schema, values, castOptions)
    else {
      // Seeding `_id` fixes its place as the first key, as MongoDB stores it, without a re-copy.
      values = new Values()
      if (idFirst) values._id = undefined
      castObjectInto(schema, raw, values, castOptions)
    }
    if (idFirst && values._id === undefined) delete values._id
    stamp(values)
    stored[i] = (direct && !hasUndefined(values) ? values : storedForm.build(values)) as StoredDoc
  }
  return { index: undefined, stored, out: list.slice(), docs: undefined }
}

/**
 * The constructor of the objects a lean insert casts into, one per schema. V8 gives objects built by
 * a constructor room for their properties inside the object (sized from the first few built),
 * where an object literal grown key by key spills them into a separately allocated array: smaller
 * stored documents, built faster. The prototype is Object.prototype, so they are plain objects.
 */
function valuesClass(schema: Schema): new () => Record<string, unknown> {
  let Values = valueClasses.get(schema)
  if (Values === undefined) {
    Values = function () {} as unknown as new () => Record<string, unknown>
    Values.prototype = Object.prototype
    valueClasses.set(schema, Values)
  }
  return Values
}

const valueClasses = new WeakMap<Schema, new () => Record<string, unknown>>()

/**
 * Gives each of the caller's objects the `_id` it was stored under when it has none (and can take
 * one), as the MongoDB driver does. Done once the write is over: setting a field on every input
 * while the batch is still being built makes the garbage collector track each change.
 */
function giveIds(list: unknown[], stored: readonly StoredDoc[]): void {
  for (let i = 0; i < list.length; i++) {
    const input = list[i]
    if (typeof input !== 'object' || input === null || input instanceof Document) continue
    const obj = input as Record<string, unknown>
    const id = stored[i]._id
    if (obj._id === undefined && id !== undefined && Object.isExtensible(obj)) obj._id = id
  }
}

/**
 * Documents per engine write. The MongoDB driver splits an insertMany into batches too (of 100,000);
 * here it bounds what one engine transaction holds, since WiredTiger must keep a transaction's
 * changes in its cache until commit. Ordered, a failure stops at its batch (earlier batches stay
 * written, as in MongoDB); unordered, every batch is tried.
 */
export const INSERT_BATCH = 50_000

type Inserted = { inserted: number[] | undefined; failed: { at: number; err: DuplicateKeyError }[] }

/**
 * Inserts in batches of {@link INSERT_BATCH}. Resolves to the positions (in `stored`) written, or
 * undefined when all were, and the failures.
 */
async function insertAll(
  store: CollectionStore,
  stored: StoredDoc[],
  ordered: boolean,
  txn: EngineTxn | undefined
): Promise<Inserted> {
  const inserted: number[] = []
  const failed: Inserted['failed'] = []
  for (let start = 0; start < stored.length; start += INSERT_BATCH) {
    const batch = stored.length <= INSERT_BATCH ? stored : stored.slice(start, start + INSERT_BATCH)
    const result = await insertBatch(store, batch, ordered, txn)
    if (result.inserted === undefined)
      for (let i = 0; i < batch.length; i++) inserted.push(start + i)
    else for (const i of result.inserted) inserted.push(start + i)
    for (const { at, err } of result.failed) {
      // Positions in the whole input, as MongoDB reports them.
      failed.push({ at: start + at, err: atPosition(err, start + at) })
    }
    if (ordered && result.failed.length > 0) break
  }
  return { inserted: failed.length === 0 ? undefined : inserted, failed }
}

/**
 * Inserts with the engine's atomic insert, applying MongoDB's ordered/unordered rules on duplicates.
 * Resolves to the positions (in `stored`) written, or undefined when all were, and the failures.
 */
async function insertBatch(
  store: CollectionStore,
  stored: StoredDoc[],
  ordered: boolean,
  txn: EngineTxn | undefined
): Promise<Inserted> {
  const failed: { at: number; err: DuplicateKeyError }[] = []
  try {
    await store.insert(stored, txn)
    return { inserted: undefined, failed }
  } catch (err) {
    if (!(err instanceof DuplicateKeyError) || err.index === undefined) throw err
    failed.push({ at: err.index, err })
  }
  // The atomic insert wrote nothing: retry without the failing document (unordered) or write
  // the ones before it (ordered).
  const inserted: number[] = []
  let pending = stored.map((_, i) => i)
  if (ordered) {
    pending = pending.slice(0, failed[0].at)
    if (pending.length > 0)
      await store.insert(
        pending.map((i) => stored[i]),
        txn
      )
    return { inserted: pending, failed }
  }
  pending = pending.filter((i) => i !== failed[0].at)
  while (pending.length > 0) {
    try {
      await store.insert(
        pending.map((i) => stored[i]),
        txn
      )
      // A loop, not push(...pending): spreading a million arguments overflows the stack.
      for (const i of pending) inserted.push(i)
      break
    } catch (err) {
      if (!(err instanceof DuplicateKeyError) || err.index === undefined) throw err
      const at = pending[err.index]
      failed.push({ at, err: atPosition(err, at) })
      pending = pending.filter((i) => i !== at)
    }
  }
  return { inserted, failed }
}
