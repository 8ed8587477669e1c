/**
 * Model.insertMany with MongoDB's ordered/unordered semantics on top of the engine's atomic
 * multi-document insert: ordered stops at the first failure keeping the documents before it;
 * unordered writes every document that can be written and reports the rest.
 */
import type { StoredDoc } from '../engine/contract.js'
import { BulkWriteError, DuplicateKeyError, ValidationError } from '../errors/index.js'
import type { Document } from './document.js'
import { storedView } from './document.js'
import type { ModelClass } from './model-types.js'
import { markSaved, stampNew } from './save.js'
import { resolveTxn } from './session.js'

/** Options of insertMany. */
export interface InsertManyOptions {
  ordered?: boolean
  lean?: boolean
  session?: unknown
  rawResult?: boolean
  throwOnValidationError?: boolean
  timestamps?: boolean
}

/** Inserts many documents; resolves to the inserted documents. */
export async function insertMany(
  model: ModelClass,
  input: unknown,
  options: InsertManyOptions = {}
): Promise<unknown> {
  const list = Array.isArray(input) ? input : [input]
  const hooks = model.schema.s.hooks
  await hooks.runPre('insertMany', model, 'model', [list, options])
  const ordered = options.ordered !== false
  const docs: Document[] = list.map((d) =>
    d instanceof model ? (d as Document) : new model(d as Record<string, unknown>)
  )
  const validationErrors: { index: number; error: unknown }[] = []
  if (!options.lean) {
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
  }
  const invalid = new Set(validationErrors.map((v) => v.index))
  const candidates: { doc: Document; index: number; stored: StoredDoc }[] = []
  docs.forEach((doc, index) => {
    if (invalid.has(index)) return
    stampNew(model, doc, options)
    // One stored form per document: written to the engine and kept as the change-tracking baseline.
    candidates.push({ doc, index, stored: storedView(doc) as StoredDoc })
  })
  const internals = model.$__model
  const store = await internals.host.storeFor(internals)
  const txn = await resolveTxn(options.session, store.engine)
  const writeErrors: { index: number; code: number | string; errmsg: string; err: Error }[] = []
  let pending = candidates
  const inserted: typeof candidates = []
  while (pending.length > 0) {
    try {
      await store.insert(
        pending.map((c) => c.stored),
        txn
      )
      inserted.push(...pending)
      break
    } catch (err) {
      if (!(err instanceof DuplicateKeyError) || err.index === undefined) throw err
      const failed = pending[err.index]
      writeErrors.push({ index: failed.index, code: 11000, errmsg: err.message, err })
      if (ordered) {
        const before = pending.slice(0, err.index)
        if (before.length > 0)
          await store.insert(
            before.map((c) => c.stored),
            txn
          )
        inserted.push(...before)
        break
      }
      pending = pending.filter((_, i) => i !== err.index)
    }
  }
  for (const { doc, stored } of inserted) markSaved(doc, stored)
  const out = inserted.map((c) => (options.lean ? storedView(c.doc) : c.doc))
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
      insertedIds: Object.fromEntries(inserted.map((c, i) => [i, c.doc._doc._id])),
      mongoose: { validationErrors: validationErrors.map((v) => v.error as ValidationError) },
    }
  }
  return out
}
