/**
 * Model.insertMany with MongoDB's ordered/unordered semantics on top of the engine's atomic
 * multi-document insert: ordered stops at the first failure keeping the documents before it;
 * unordered writes every document that can be written and reports the rest.
 *
 * `lean: true` is mongoose's bulk-load path: no documents are built and nothing is validated. memgoose
 * still casts each value with the schema and fills defaults, so what is stored has the schema's types.
 */
import type { EngineTxn, StoredDoc } from '../engine/contract.js'
import { BulkWriteError, DuplicateKeyError, type ValidationError } from '../errors/index.js'
import { castObject } from '../schema/cast-object.js'
import { Document, storedView } from './document.js'
import type { ModelClass } from './model-types.js'
import { markSaved, stampNew, stampValues } from './save.js'
import { resolveTxn } from './session.js'
import type { CollectionStore } from './store.js'
import { toStoredForm } from './stored-form.js'

/** Options of insertMany. */
export interface InsertManyOptions {
  ordered?: boolean
  lean?: boolean
  session?: unknown
  rawResult?: boolean
  throwOnValidationError?: boolean
  timestamps?: boolean
}

/** One document on its way in: its input position and the stored form handed to the engine. */
interface Candidate {
  index: number
  stored: StoredDoc
  doc?: Document
  values?: Record<string, unknown>
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
  const { inserted, writeErrors } = await insertAll(store, candidates, ordered, txn)
  for (const c of inserted) if (c.doc) markSaved(c.doc, c.stored)
  const out = inserted.map((c) => c.doc ?? c.values)
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
      insertedIds: Object.fromEntries(inserted.map((c, i) => [i, c.stored._id])),
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
): Promise<Candidate[]> {
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
  const candidates: Candidate[] = []
  docs.forEach((doc, index) => {
    if (results[index]) return
    stampNew(model, doc, options)
    // One stored form per document: written to the engine and kept as the change-tracking baseline.
    candidates.push({ index, doc, stored: storedView(doc) as StoredDoc })
  })
  return candidates
}

/** Plain values cast with the schema (defaults filled, `_id` first), stamped, no documents built. */
function leanCandidates(
  model: ModelClass,
  list: unknown[],
  options: InsertManyOptions
): Candidate[] {
  return list.map((input, index) => {
    const raw = input instanceof Document ? input.toObject() : (input as Record<string, unknown>)
    let values = castObject(model.schema, raw, { applyDefaults: true })
    if (values._id !== undefined && Object.keys(values)[0] !== '_id')
      values = { _id: values._id, ...values }
    stampValues(model, values, options)
    return { index, values, stored: toStoredForm(values) as StoredDoc }
  })
}

/** Inserts with the engine's atomic insert, applying MongoDB's ordered/unordered rules on duplicates. */
async function insertAll(
  store: CollectionStore,
  candidates: Candidate[],
  ordered: boolean,
  txn: EngineTxn | undefined
): Promise<{ inserted: Candidate[]; writeErrors: WriteError[] }> {
  const writeErrors: WriteError[] = []
  const inserted: Candidate[] = []
  let pending = candidates
  while (pending.length > 0) {
    try {
      await store.insert(
        pending.map((c) => c.stored),
        txn
      )
      // A loop, not push(...pending): spreading a million arguments overflows the stack.
      for (const c of pending) inserted.push(c)
      break
    } catch (err) {
      if (!(err instanceof DuplicateKeyError) || err.index === undefined) throw err
      writeErrors.push({ index: pending[err.index].index, code: 11000, errmsg: err.message, err })
      if (ordered) {
        const before = pending.slice(0, err.index)
        if (before.length > 0)
          await store.insert(
            before.map((c) => c.stored),
            txn
          )
        for (const c of before) inserted.push(c)
        break
      }
      pending = pending.filter((_, i) => i !== err.index)
    }
  }
  return { inserted, writeErrors }
}
