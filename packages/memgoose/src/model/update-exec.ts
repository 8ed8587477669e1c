/**
 * Runs update, replace and delete queries: read the targets through the planner, apply the update
 * with the core update engine (so every operator behaves the same on every engine), write back.
 * Each read-modify-write runs inside an engine transaction (or the store's write lock), so concurrent
 * updates never lose each other's changes and a failure leaves nothing half-written.
 */
import type { EngineTxn, StoredDoc } from '../engine/contract.js'
import { ErrorCollector, ValidatorError } from '../errors/index.js'
import { matchedArrayIndex } from '../query/index.js'
import { castObject } from '../schema/cast-object.js'
import { castUpdate } from '../schema/cast-query.js'
import { timestampNames } from '../schema/schema.js'
import { formatMessage } from '../schema/validators.js'
import { applyUpdate, buildUpsertDocument, compileUpdate } from '../update/index.js'
import { isPlainObject, ObjectId } from '../values/bson.js'
import { deepEqual } from './diff.js'
import type { ModelClass } from './model-types.js'
import { orFailError, shapeResults } from './query-exec.js'
import type { Query, QueryOptions } from './query.js'
import type { CollectionStore } from './store.js'
import { toStoredForm } from './stored-form.js'

type Filter = Record<string, unknown>

/** `updateOne(filter, { name: 'x' })` means `$set`, as in mongoose (replace operations excepted). */
function normalizeUpdate(update: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  let plain: Record<string, unknown> | undefined
  for (const key of Object.keys(update)) {
    if (key.startsWith('$')) out[key] = update[key]
    else (plain ??= {})[key] = update[key]
  }
  if (plain) out.$set = { ...(isPlainObject(out.$set) ? out.$set : {}), ...plain }
  return out
}

/** Adds `updatedAt` / `createdAt` (on insert) the way mongoose's timestamps do for updates. */
function withTimestamps(
  model: ModelClass,
  update: Record<string, unknown>,
  options: QueryOptions,
  now: Date
): Record<string, unknown> {
  if (options.timestamps === false) return update
  const { createdAt, updatedAt } = timestampNames(model.schema)
  if (!createdAt && !updatedAt) return update
  const out = { ...update }
  if (updatedAt) {
    const set = { ...(isPlainObject(out.$set) ? out.$set : {}) }
    if (set[updatedAt] === undefined) set[updatedAt] = now
    out.$set = set
  }
  if (createdAt) {
    const set = isPlainObject(out.$set) ? out.$set : {}
    if (set[createdAt] === undefined) {
      const soi = { ...(isPlainObject(out.$setOnInsert) ? out.$setOnInsert : {}) }
      soi[createdAt] ??= now
      out.$setOnInsert = soi
    }
  }
  return out
}

/** Runs update validators (runValidators): each updated path's validators against its new value. */
async function validateUpdate(
  model: ModelClass,
  update: Record<string, unknown>,
  query: Query
): Promise<void> {
  // Like mongoose's update validators: values written by $set/$setOnInsert, and $unset for `required`.
  const failures = new ErrorCollector()
  for (const op of ['$set', '$setOnInsert', '$unset']) {
    const fields = update[op]
    if (!isPlainObject(fields)) continue
    for (const path of Object.keys(fields)) {
      const type = model.schema.deepPath(path)
      if (!type) continue
      const value = op === '$unset' ? undefined : fields[path]
      for (const v of type.validators) {
        let ok: unknown
        try {
          ok = await v.validator.call(query, value)
        } catch (err) {
          ok = err
        }
        if (ok === false || ok instanceof Error) {
          const props = { ...(v.props ?? {}), path, value, type: v.type }
          const message =
            ok instanceof Error && ok.message ? ok.message : formatMessage(v.message, props)
          failures.addError(
            path,
            new ValidatorError({ ...props, message, reason: ok instanceof Error ? ok : undefined })
          )
          break
        }
      }
    }
  }
  if (!failures.empty) throw failures.toValidationError(model.modelName)
}

/** Runs a write-producing function inside the session's transaction, an engine transaction, or the store lock. */
async function inWriteScope<T>(
  model: ModelClass,
  txn: EngineTxn | undefined,
  fn: (txn: EngineTxn | undefined) => Promise<T>
): Promise<T> {
  if (txn) return fn(txn)
  return model.$__model.host.transaction(model.$__model, fn)
}

/** updateOne / updateMany / replaceOne / findOneAndUpdate / findOneAndReplace. */
export async function runUpdate(
  query: Query,
  store: CollectionStore,
  filter: Filter,
  txn: EngineTxn | undefined
): Promise<unknown> {
  const model = query.model
  const options = query.getOptions()
  const op = query.op
  const isReplace = op === 'replaceOne' || op === 'findOneAndReplace'
  const now = new Date()
  const raw = query.getUpdate() ?? {}
  let compiled: ReturnType<typeof compileUpdate> | undefined
  let replacement: Record<string, unknown> | undefined
  if (isReplace) {
    replacement = castObject(model.schema, raw, { strict: options.strict })
    delete replacement._id
    const { updatedAt } = timestampNames(model.schema)
    if (updatedAt && options.timestamps !== false) replacement[updatedAt] = now
  } else {
    const cast = castUpdate(
      model.schema,
      withTimestamps(model, normalizeUpdate(raw), options, now),
      {
        strict: options.strict,
        overwriteImmutable: options.overwriteImmutable === true,
        translateAliases: options.translateAliases,
      }
    )
    if (
      Object.values(cast).every(
        (fields) => isPlainObject(fields) && Object.keys(fields).length === 0
      )
    ) {
      // Nothing left after casting (unknown or immutable paths only): mongoose skips the write.
      if (op === 'updateOne' || op === 'updateMany') return { acknowledged: false }
      const found = await store.find(filter, { sort: options.sort, limit: 1, txn })
      const [doc] = await shapeResults(model, found, options)
      return doc ?? null
    }
    const disc = model.$__model.discriminator
    if (disc)
      cast.$setOnInsert = {
        ...(isPlainObject(cast.$setOnInsert) ? cast.$setOnInsert : {}),
        [disc.key]: disc.value,
      }
    if (options.runValidators) await validateUpdate(model, cast, query)
    compiled = compileUpdate(cast)
  }
  const many = op === 'updateMany'
  const result = await inWriteScope(model, txn, async (t) => {
    const targets = await store.find(
      filter,
      many ? { txn: t } : { sort: options.sort, limit: 1, txn: t }
    )
    let modifiedCount = 0
    let before: Record<string, unknown> | undefined
    let after: Record<string, unknown> | undefined
    for (const doc of targets) {
      let next: Record<string, unknown>
      let modified: boolean
      if (replacement) {
        next = { _id: doc._id, ...replacement }
        modified = !deepEqual(doc, next)
      } else {
        const applied = applyUpdate(doc as StoredDoc, compiled!, {
          arrayFilters: options.arrayFilters,
          positionalIndex: (path: string) => matchedArrayIndex(filter, doc, path),
          now,
        })
        next = applied.doc
        modified = applied.modified
      }
      if (modified) {
        await store.replace(toStoredForm(next) as StoredDoc, t)
        modifiedCount++
      }
      before = doc
      after = next
    }
    let upsertedId: unknown = null
    if (targets.length === 0 && options.upsert) {
      const base = replacement
        ? {
            ...replacement,
            ...(filter._id !== undefined && !isPlainObject(filter._id) ? { _id: filter._id } : {}),
          }
        : buildUpsertDocument(filter, compiled!, {
            arrayFilters: options.arrayFilters,
            now,
            isInsert: true,
          })
      const withDefaults =
        options.setDefaultsOnInsert === false
          ? { ...base }
          : castObject(model.schema, base, { applyDefaults: true, strict: false })
      if (withDefaults._id === undefined) withDefaults._id = new ObjectId()
      await store.insert([toStoredForm(withDefaults) as StoredDoc], t)
      upsertedId = withDefaults._id
      after = withDefaults
    }
    return { matchedCount: targets.length, modifiedCount, upsertedId, before, after }
  })
  if (op === 'findOneAndUpdate' || op === 'findOneAndReplace') {
    const returnAfter = options.new === true || options.returnDocument === 'after'
    const chosen = returnAfter ? result.after : result.before
    if (!chosen && options.orFail) throw orFailError(options, filter, model)
    const [doc] = chosen
      ? await shapeResults(model, [toStoredForm(chosen) as Record<string, unknown>], options)
      : [null]
    if (options.includeResultMetadata || options.rawResult) {
      return {
        value: doc,
        ok: 1,
        lastErrorObject: {
          n: result.matchedCount || (result.upsertedId !== null ? 1 : 0),
          updatedExisting: result.matchedCount > 0,
          ...(result.upsertedId !== null ? { upserted: result.upsertedId } : {}),
        },
      }
    }
    return doc
  }
  if (options.orFail && result.matchedCount === 0 && result.upsertedId === null)
    throw orFailError(options, filter, model)
  return {
    acknowledged: true,
    matchedCount: result.matchedCount,
    modifiedCount: result.modifiedCount,
    upsertedId: result.upsertedId,
    upsertedCount: result.upsertedId === null ? 0 : 1,
  }
}

/** deleteOne / deleteMany / findOneAndDelete. */
export async function runDelete(
  query: Query,
  store: CollectionStore,
  filter: Filter,
  txn: EngineTxn | undefined
): Promise<unknown> {
  const model = query.model
  const options = query.getOptions()
  const many = query.op === 'deleteMany'
  const found = await inWriteScope(model, txn, async (t) => {
    const targets = await store.find(
      filter,
      many ? { txn: t, projection: { _id: 1 } } : { sort: options.sort, limit: 1, txn: t }
    )
    const deletedCount =
      targets.length === 0
        ? 0
        : await store.delete(
            targets.map((d) => d._id),
            t
          )
    return { targets, deletedCount }
  })
  if (query.op === 'findOneAndDelete') {
    const [doc] =
      found.targets.length > 0 ? await shapeResults(model, found.targets, options) : [null]
    if (!doc && options.orFail) throw orFailError(options, filter, model)
    if (options.includeResultMetadata || options.rawResult)
      return { value: doc, ok: 1, lastErrorObject: { n: found.deletedCount } }
    return doc
  }
  if (options.orFail && found.deletedCount === 0) throw orFailError(options, filter, model)
  return { acknowledged: true, deletedCount: found.deletedCount }
}
