/**
 * Embedded discriminators: `schema.path('shapes').discriminator('Circle', circleSchema)` lets the
 * subdocuments of one array (or one single nested path) have different schemas, chosen per
 * subdocument by the discriminator key (`__t`, or the sub-schema's `discriminatorKey`).
 */
import { isPlainObject } from '../values/bson.js'
import type { Schema } from './schema.js'

/** The kinds registered on one subdocument path. */
export class SubdocumentKinds {
  readonly key: string
  readonly #base: Schema
  readonly #byValue = new Map<string, Schema>()

  constructor(base: Schema) {
    this.#base = base
    this.key = (base.options.discriminatorKey as string | undefined) ?? '__t'
    // The key is part of every subdocument, so the base schema must keep it under `strict`.
    if (!base.paths.has(this.key)) base.add({ [this.key]: String })
  }

  /** Registers a kind: the base's paths plus `schema`'s, selected by `value` (default: `name`). */
  add(name: string, schema: Schema, value?: string): Schema {
    const merged = this.#base.clone()
    merged.add(schema)
    this.#byValue.set(value ?? name, merged)
    return merged
  }

  /** The schemas of the registered kinds. */
  schemas(): Schema[] {
    return [...this.#byValue.values()]
  }

  /** The schema for a subdocument value: its kind's, or the base schema. */
  schemaFor(value: unknown): Schema {
    if (!isPlainObject(value)) return this.#base
    const kind = value[this.key]
    return (typeof kind === 'string' && this.#byValue.get(kind)) || this.#base
  }
}
