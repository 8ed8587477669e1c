/**
 * Hydration: a stored document becomes a model instance (`Model.hydrate`, every non-lean query
 * result) — the right discriminator class, its own copy of the values, Maps and BigInts restored,
 * and the defaults of paths the stored document lacks, as mongoose's init fills them.
 */
import { applyDefaults } from '../schema/cast-object.js'
import type { Schema } from '../schema/schema.js'
import { isPlainObject } from '../values/bson.js'
import { cloneValue } from '../values/clone.js'
import { documentOf, type Document } from './document.js'
import { createState, markDefaulted } from './document-state.js'
import type { ModelClass } from './model-types.js'
import { restoreMaps } from './stored-form.js'

/** Builds a saved-state document from stored data: no casting, nothing modified, `isNew` false. */
export function hydrateDocument(
  model: ModelClass,
  raw: Record<string, unknown>,
  projection?: Record<string, unknown>
): Document {
  const target = pickDiscriminator(model, raw)
  // `raw` stays the change-tracking baseline; the document works on its own copy.
  const values = cloneValue(raw)
  restoreMaps(target.schema, values)
  const doc = documentOf(target as unknown as new () => Document, {
    state: createState(false, raw),
    values,
  })
  if (projection && Object.keys(projection).length > 0) doc.$__.selected = projection
  if (lacksDefault(target.schema, values)) {
    // Never a new `_id`, and nothing the projection left out.
    applyDefaults(target.schema, values, {
      doc,
      skipDefaults: (p) => p === '_id' || !doc.isSelected(p),
      onDefault: (p) => markDefaulted(doc.$__, p),
    })
  }
  return doc
}

/** True when a defaulted path is missing: the common case (nothing missing) allocates nothing. */
function lacksDefault(schema: Schema, values: Record<string, unknown>): boolean {
  for (const type of schema.defaultedPaths) {
    if (type.path === '_id') continue
    const parts = type.pathParts
    let cur: unknown = values
    for (let i = 0; i < parts.length && isPlainObject(cur); i++) cur = cur[parts[i]]
    if (cur === undefined) return true
  }
  return false
}

/** The discriminator model a stored document belongs to (by its key), or `model` itself. */
function pickDiscriminator(model: ModelClass, raw: Record<string, unknown>): ModelClass {
  const discs = (model as unknown as { discriminators?: Record<string, ModelClass> }).discriminators
  if (!discs) return model
  const key = model.schema.options.discriminatorKey ?? '__t'
  const value = raw[key]
  if (typeof value !== 'string') return model
  return Object.values(discs).find((d) => d.$__model.discriminator?.value === value) ?? model
}
