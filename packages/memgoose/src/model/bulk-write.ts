/**
 * Model.bulkWrite: a list of insertOne / updateOne / updateMany / replaceOne / deleteOne / deleteMany
 * operations run in order through the same paths as the individual statics.
 */
import { BulkWriteError, QueryError } from '../errors/index.js'
import type { ModelClass } from './model-types.js'

/** mongoose's BulkWriteResult shape. */
export interface BulkWriteResult {
  ok: 1
  insertedCount: number
  matchedCount: number
  modifiedCount: number
  deletedCount: number
  upsertedCount: number
  insertedIds: Record<number, unknown>
  upsertedIds: Record<number, unknown>
}

/** Runs the operations; ordered (default) stops at the first error, unordered runs them all. */
export async function bulkWrite(
  model: ModelClass,
  ops: Record<string, any>[],
  options: { ordered?: boolean; session?: unknown } = {}
): Promise<BulkWriteResult> {
  const hooks = model.schema.s.hooks
  await hooks.runPre('bulkWrite', model, 'model', [ops, options])
  const result: BulkWriteResult = {
    ok: 1,
    insertedCount: 0,
    matchedCount: 0,
    modifiedCount: 0,
    deletedCount: 0,
    upsertedCount: 0,
    insertedIds: {},
    upsertedIds: {},
  }
  const errors: { index: number; code: number | string; errmsg: string; err: Error }[] = []
  const session = options.session
  for (let i = 0; i < ops.length; i++) {
    const [kind, spec] = Object.entries(ops[i] ?? {})[0] ?? []
    try {
      switch (kind) {
        case 'insertOne': {
          const doc = new model(spec.document ?? spec)
          await doc.save({ session })
          result.insertedCount++
          result.insertedIds[i] = doc._doc._id
          break
        }
        case 'updateOne':
        case 'updateMany':
        case 'replaceOne': {
          const update = kind === 'replaceOne' ? spec.replacement : spec.update
          const r = await model[kind](spec.filter ?? {}, update, {
            upsert: spec.upsert,
            arrayFilters: spec.arrayFilters,
            session,
            timestamps: spec.timestamps,
          })
          result.matchedCount += r.matchedCount
          result.modifiedCount += r.modifiedCount
          if (r.upsertedId !== null) {
            result.upsertedCount++
            result.upsertedIds[i] = r.upsertedId
          }
          break
        }
        case 'deleteOne':
        case 'deleteMany': {
          const r = await model[kind](spec.filter ?? {}, { session })
          result.deletedCount += r.deletedCount
          break
        }
        default:
          throw new QueryError(
            'BAD_BULK_OP',
            `Unknown bulkWrite operation "${String(kind)}" at index ${i}`
          )
      }
    } catch (err) {
      const e = err as Error & { code?: number | string }
      errors.push({ index: i, code: e.code ?? 'ERROR', errmsg: e.message, err: e })
      if (options.ordered !== false) break
    }
  }
  if (errors.length > 0) {
    const error = new BulkWriteError(errors, [], { ...result })
    const replaced = await hooks.runPost('bulkWrite', model, 'model', result, error)
    throw replaced ?? error
  }
  await hooks.runPost('bulkWrite', model, 'model', result)
  return result
}
