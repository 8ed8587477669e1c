/**
 * The static side of a compiled model, as the rest of the model layer sees it.
 */
import type { Schema } from '../schema/schema.js'
import type { Document } from './document.js'
import type { ModelInternals } from './internals.js'

/** A compiled model class: `new Model(doc)`, plus mongoose's statics (see model.ts). */
export interface ModelClass<T = any> {
  new (doc?: Record<string, unknown>): Document & T
  readonly prototype: Document
  readonly modelName: string
  readonly schema: Schema
  readonly $__model: ModelInternals
  /** Builds a document from stored data without casting or marking anything modified. */
  hydrate(raw: Record<string, unknown>, projection?: Record<string, unknown>): Document & T
  [key: string]: any
}
