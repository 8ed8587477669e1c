/**
 * The static side of a compiled model. `model<IUser>('User', schema)` types documents and query
 * results with `IUser`; without a type argument everything is `any`, as with untyped mongoose models.
 */
import type { Schema } from '../schema/schema.js'
import type { Document } from './document.js'
import type { ModelInternals } from './internals.js'
import type { Query, QueryOptions } from './query.js'

/** A document of a model with fields `T` (mongoose's `HydratedDocument<T>`). */
export type HydratedDocument<T> = Document & T

/** A filter on documents with fields `T`: field conditions, dot paths and operators. */
export type FilterQuery<T> = { [K in keyof T]?: unknown } & Record<string, unknown>

/** An update: operators (`$set`, `$inc`, ...) or fields to set. */
export type UpdateQuery<T> = { [K in keyof T]?: unknown } & Record<string, unknown>

/** Result of updateOne / updateMany / replaceOne. */
export interface UpdateResult {
  acknowledged: boolean
  matchedCount: number
  modifiedCount: number
  upsertedId: unknown
  upsertedCount: number
}

/** Result of deleteOne / deleteMany. */
export interface DeleteResult {
  acknowledged: boolean
  deletedCount: number
}

/** A compiled model class: `new Model(doc)`, plus mongoose's statics (implemented in model.ts). */
export interface ModelClass<T = any> {
  new (doc?: Partial<T> | Record<string, unknown>): HydratedDocument<T>
  readonly prototype: Document
  readonly modelName: string
  readonly schema: Schema
  readonly $__model: ModelInternals
  /** Builds a document from stored data without casting or marking anything modified. */
  hydrate(raw: Record<string, unknown>, projection?: Record<string, unknown>): HydratedDocument<T>
  find(
    filter?: FilterQuery<T>,
    projection?: unknown,
    options?: QueryOptions
  ): Query<HydratedDocument<T>[]>
  findOne(
    filter?: FilterQuery<T>,
    projection?: unknown,
    options?: QueryOptions
  ): Query<HydratedDocument<T> | null>
  findById(
    id: unknown,
    projection?: unknown,
    options?: QueryOptions
  ): Query<HydratedDocument<T> | null>
  countDocuments(filter?: FilterQuery<T>, options?: QueryOptions): Query<number>
  updateOne(
    filter: FilterQuery<T>,
    update: UpdateQuery<T>,
    options?: QueryOptions
  ): Query<UpdateResult>
  updateMany(
    filter: FilterQuery<T>,
    update: UpdateQuery<T>,
    options?: QueryOptions
  ): Query<UpdateResult>
  deleteOne(filter?: FilterQuery<T>, options?: QueryOptions): Query<DeleteResult>
  deleteMany(filter?: FilterQuery<T>, options?: QueryOptions): Query<DeleteResult>
  /** Every other static (create, insertMany, aggregate, ...); see model.ts. */
  [key: string]: any
}
