/**
 * Virtuals on lean results (`lean({ virtuals: true })`): getters run with `this` bound to the plain
 * object, as mongoose-lean-virtuals does.
 */
import type { Schema } from '../schema/schema.js'
import { isObjectId } from '../values/bson.js'

/** Adds the schema's virtuals (and `id`) to a plain result object, in place. */
export function leanVirtuals(schema: Schema, doc: Record<string, unknown>): void {
  if (schema.options.id !== false && doc._id !== undefined && doc.id === undefined) {
    doc.id = isObjectId(doc._id) ? doc._id.toHexString() : String(doc._id)
  }
  for (const [path, virtual] of schema.virtuals) {
    if (virtual.isPopulate || virtual.getters.length === 0 || path.includes('.')) continue
    doc[path] = virtual.applyGetters(doc)
  }
}
