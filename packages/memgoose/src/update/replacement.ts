/**
 * Replacement documents (`replaceOne`, `findOneAndReplace`, `overwrite: true`): the new document is
 * the replacement with the original `_id` first; changing `_id` is an error as in MongoDB.
 */
import type { StoredDoc } from '../engine/contract.js'
import { QueryError } from '../errors/index.js'
import { cloneValue } from '../values/clone.js'
import { sameValue } from './same-value.js'
import type { UpdateResult } from './types.js'

const hasOwn = Object.prototype.hasOwnProperty

/** Builds the replaced document; `modified` is false when it equals `doc` exactly. */
export function applyReplacement(
  doc: StoredDoc,
  replacement: Readonly<Record<string, unknown>>
): UpdateResult {
  const hasId = hasOwn.call(doc, '_id')
  if (hasOwn.call(replacement, '_id') && hasId && !sameValue(replacement._id, doc._id)) {
    throw new QueryError(
      'IMMUTABLE_FIELD',
      "After applying the update, the (immutable) field '_id' was found to have been altered"
    )
  }
  const out: Record<string, unknown> = {}
  if (hasId) out._id = doc._id
  else if (hasOwn.call(replacement, '_id')) out._id = cloneValue(replacement._id)
  for (const key of Object.keys(replacement)) {
    if (key !== '_id') out[key] = cloneValue(replacement[key])
  }
  return sameValue(doc, out) ? { doc, modified: false } : { doc: out as StoredDoc, modified: true }
}
