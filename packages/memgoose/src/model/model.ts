/**
 * Model compilation: `db.model(name, schema)` builds a class extending Document with the schema's
 * paths as accessors, its methods on the prototype, its statics, and mongoose's static API.
 */
import { QueryError, ValidationError } from '../errors/index.js'
import { castObject } from '../schema/cast-object.js'
import type { Schema } from '../schema/schema.js'
import { Document } from './document.js'
import { describeIndex, schemaIndexSpecs } from './indexes.js'
import type { ModelHost, ModelInternals } from './internals.js'
import { insertMany, type InsertManyOptions } from './insert-many.js'
import { bulkWrite } from './bulk-write.js'
import type { ModelClass } from './model-types.js'
import { populateDocuments } from './populate.js'
import { Query, type QueryOptions } from './query.js'
import { saveDocument, type SaveOptions } from './save.js'
import { hydrateDocument } from './hydrate.js'
import { resolveTxn } from './session.js'
import { defineAccessors } from './accessors.js'
import { createDiscriminator } from './discriminator.js'
import { runAggregate } from './aggregate-bridge.js'

type Filter = Record<string, unknown>

/** The base class of every model: Document plus mongoose's static API. */
export class Model extends Document {
  declare static $__model: ModelInternals
  declare static modelName: string
  declare static schema: Schema

  /** The database host (mongoose's `Model.db`). */
  static get db(): ModelHost {
    return this.$__model.host
  }

  /** The collection name. */
  static get collectionName(): string {
    return this.$__model.collectionName
  }

  /** Builds a document from stored data: no casting, nothing modified, `isNew` false. */
  static hydrate(
    this: ModelClass,
    raw: Record<string, unknown>,
    projection?: Record<string, unknown>
  ): Document {
    return hydrateDocument(this, raw, projection)
  }

  /**
   * Casts a plain object with the schema (no document, no defaults). Cast failures are collected
   * into a ValidationError, as mongoose does, unless `ignoreCastErrors` drops the failing paths.
   */
  static castObject(
    this: ModelClass,
    obj: Record<string, unknown>,
    options: { ignoreCastErrors?: boolean } = {}
  ): Record<string, unknown> {
    const errors = new ValidationError(this.modelName)
    const out = castObject(this.schema, obj, { errors })
    if (Object.keys(errors.errors).length > 0 && !options.ignoreCastErrors) throw errors
    return out
  }

  /** Validates a plain object against the schema without creating a document. */
  static async validate(
    this: ModelClass,
    obj: Record<string, unknown>,
    paths?: string[]
  ): Promise<void> {
    const doc = new this(obj)
    await doc.validate(paths)
  }

  // ── writes ──────────────────────────────────────────────────────────────────────────────────

  /** Creates and saves one document, or several (`create([a, b])` / `create(a, b)`). */
  static async create(this: ModelClass, docs: unknown, ...rest: unknown[]): Promise<any> {
    const asArray = Array.isArray(docs)
    let list: unknown[] = asArray ? (docs as unknown[]) : [docs]
    let options: SaveOptions = {}
    if (asArray && rest.length > 0 && typeof rest[0] === 'object') options = rest[0] as SaveOptions
    if (!asArray && rest.length > 0) list = [docs, ...rest]
    const out: Document[] = []
    for (const d of list)
      out.push(await saveDocument(new this(d as Record<string, unknown>), options))
    return asArray || list.length > 1 ? out : out[0]
  }

  /** Inserts many documents (ordered by default). */
  static insertMany(this: ModelClass, docs: unknown, options?: InsertManyOptions): Promise<any> {
    return insertMany(this, docs, options)
  }

  /** Runs a list of write operations. */
  static bulkWrite(
    this: ModelClass,
    ops: Record<string, any>[],
    options?: { ordered?: boolean; session?: unknown }
  ): Promise<any> {
    return bulkWrite(this, ops, options)
  }

  // ── queries ─────────────────────────────────────────────────────────────────────────────────

  /** Finds documents. */
  static find(
    this: ModelClass,
    filter: Filter = {},
    projection?: unknown,
    options: QueryOptions = {}
  ): Query<any[]> {
    const q = new Query<any[]>(this, 'find', filter, undefined, {})
    if (projection) q.select(projection as Record<string, unknown>)
    return q.setOptions(options)
  }

  /** Finds one document (or null). */
  static findOne(
    this: ModelClass,
    filter: Filter = {},
    projection?: unknown,
    options: QueryOptions = {}
  ): Query<any> {
    const q = new Query<any>(this, 'findOne', filter, undefined, {})
    if (projection) q.select(projection as Record<string, unknown>)
    return q.setOptions(options)
  }

  /** Finds by `_id` (undefined/null ids find nothing, as in mongoose). */
  static findById(
    this: ModelClass,
    id: unknown,
    projection?: unknown,
    options?: QueryOptions
  ): Query<any> {
    if (id === undefined) id = null
    return (this as any).findOne({ _id: id }, projection, options)
  }

  /** Resolves to `{ _id }` of the first match, or null. */
  static exists(this: ModelClass, filter: Filter): Query<any> {
    return (this as any).findOne(filter, { _id: 1 }).lean()
  }

  /** Counts matching documents. */
  static countDocuments(
    this: ModelClass,
    filter: Filter = {},
    options: QueryOptions = {}
  ): Query<number> {
    return new Query<number>(this, 'countDocuments', filter, undefined, options)
  }

  /** Counts every document of the collection (no filter). */
  static estimatedDocumentCount(this: ModelClass, options: QueryOptions = {}): Query<number> {
    return new Query<number>(this, 'estimatedDocumentCount', {}, undefined, options)
  }

  /** Distinct values of a field (array values are unwound). */
  static distinct(this: ModelClass, field: string, filter: Filter = {}): Query<unknown[]> {
    return new Query<unknown[]>(this, 'distinct', filter, undefined, { distinctField: field })
  }

  /** Updates the first match. */
  static updateOne(
    this: ModelClass,
    filter: Filter,
    update: Record<string, unknown>,
    options: QueryOptions = {}
  ): Query<any> {
    return new Query(this, 'updateOne', filter, update, options)
  }

  /** Updates every match. */
  static updateMany(
    this: ModelClass,
    filter: Filter,
    update: Record<string, unknown>,
    options: QueryOptions = {}
  ): Query<any> {
    return new Query(this, 'updateMany', filter, update, options)
  }

  /** Replaces the first match. */
  static replaceOne(
    this: ModelClass,
    filter: Filter,
    replacement: Record<string, unknown>,
    options: QueryOptions = {}
  ): Query<any> {
    return new Query(this, 'replaceOne', filter, replacement, options)
  }

  /** Deletes the first match. */
  static deleteOne(this: ModelClass, filter: Filter = {}, options: QueryOptions = {}): Query<any> {
    return new Query(this, 'deleteOne', filter, undefined, options)
  }

  /** Deletes every match. */
  static deleteMany(this: ModelClass, filter: Filter = {}, options: QueryOptions = {}): Query<any> {
    return new Query(this, 'deleteMany', filter, undefined, options)
  }

  /** Updates the first match and returns it (before, or after with `{ new: true }`). */
  static findOneAndUpdate(
    this: ModelClass,
    filter: Filter,
    update: Record<string, unknown>,
    options: QueryOptions = {}
  ): Query<any> {
    return new Query(this, 'findOneAndUpdate', filter, update, options)
  }

  /** Replaces the first match and returns it. */
  static findOneAndReplace(
    this: ModelClass,
    filter: Filter,
    replacement: Record<string, unknown>,
    options: QueryOptions = {}
  ): Query<any> {
    return new Query(this, 'findOneAndReplace', filter, replacement, options)
  }

  /** Deletes the first match and returns it. */
  static findOneAndDelete(
    this: ModelClass,
    filter: Filter,
    options: QueryOptions = {}
  ): Query<any> {
    return new Query(this, 'findOneAndDelete', filter, undefined, options)
  }

  /** findOneAndUpdate by `_id`. */
  static findByIdAndUpdate(
    this: ModelClass,
    id: unknown,
    update: Record<string, unknown>,
    options: QueryOptions = {}
  ): Query<any> {
    return new Query(this, 'findOneAndUpdate', { _id: id ?? null }, update, options)
  }

  /** findOneAndDelete by `_id`. */
  static findByIdAndDelete(this: ModelClass, id: unknown, options: QueryOptions = {}): Query<any> {
    return new Query(this, 'findOneAndDelete', { _id: id ?? null }, undefined, options)
  }

  /** A query starting from `where(path, value)`. */
  static where(this: ModelClass, path: string | Filter, value?: unknown): Query<any[]> {
    const q = new Query<any[]>(this, 'find', {})
    return arguments.length >= 2 ? q.where(path, value) : q.where(path)
  }

  /** Populates documents or plain objects you already have. */
  static async populate(this: ModelClass, docs: unknown, paths: unknown): Promise<any> {
    const list = Array.isArray(docs) ? docs : [docs]
    const lean = list.length > 0 && !(list[0] instanceof Document)
    await populateDocuments(this, list, paths, { lean })
    return docs
  }

  /** An aggregation pipeline over this model's collection. */
  static aggregate(
    this: ModelClass,
    pipeline: Record<string, unknown>[] = [],
    options?: Record<string, unknown>
  ): any {
    if (!Array.isArray(pipeline))
      throw new QueryError('BAD_PIPELINE', 'aggregate() takes an array of stages')
    return runAggregate(this, pipeline, options)
  }

  // ── indexes ─────────────────────────────────────────────────────────────────────────────────

  /** Creates the schema's indexes (they are also created when the collection is first opened). */
  static async createIndexes(this: ModelClass): Promise<void> {
    const store = await this.$__model.host.storeFor(this.$__model)
    for (const spec of schemaIndexSpecs(this.schema)) await store.collection.ensureIndex(spec)
    await store.refreshIndexes()
  }

  /** mongoose's older name of createIndexes. */
  static ensureIndexes(this: ModelClass): Promise<void> {
    return (this as any).createIndexes()
  }

  /** Makes the collection's indexes match the schema; resolves to the names of dropped indexes. */
  static async syncIndexes(this: ModelClass): Promise<string[]> {
    const store = await this.$__model.host.storeFor(this.$__model)
    const wanted = new Set(schemaIndexSpecs(this.schema).map((s) => s.name))
    const dropped: string[] = []
    for (const info of await store.collection.listIndexes()) {
      if (info.name !== '_id_' && !wanted.has(info.name)) {
        await store.collection.dropIndex(info.name)
        dropped.push(info.name)
      }
    }
    await (this as any).createIndexes()
    return dropped
  }

  /** The collection's indexes, shaped like MongoDB's listIndexes output. */
  static async listIndexes(this: ModelClass): Promise<Record<string, unknown>[]> {
    const store = await this.$__model.host.storeFor(this.$__model)
    return (await store.refreshIndexes()).map(describeIndex)
  }

  /** Opens the collection and builds its indexes (mongoose's `Model.init()`). */
  static async init(this: ModelClass): Promise<void> {
    await this.$__model.host.storeFor(this.$__model)
  }

  /** Starts a session on this model's database (for transactions). */
  static startSession(this: ModelClass): Promise<unknown> {
    return (this.$__model.host as unknown as { startSession(): Promise<unknown> }).startSession()
  }

  /** Creates a discriminator model sharing this model's collection. */
  static discriminator(
    this: ModelClass,
    name: string,
    schema: Schema,
    value?: string | { value?: string }
  ): ModelClass {
    return createDiscriminator(this, name, schema, value)
  }

  // ── instance methods ────────────────────────────────────────────────────────────────────────

  /** Inserts or updates this document. */
  save(options?: SaveOptions): Promise<this> {
    return saveDocument(this, options)
  }

  /** Deletes this document (document middleware `deleteOne` runs). */
  async deleteOne(): Promise<this> {
    const model = this.constructor as unknown as ModelClass
    const hooks = model.schema.s.hooks
    await hooks.runPre('deleteOne', this, 'document')
    const store = await model.$__model.host.storeFor(model.$__model)
    await store.delete([this._doc._id], await resolveTxn(this.$__.session, store.engine))
    this.$__.isDeleted = true
    await hooks.runPost('deleteOne', this, 'document', this)
    return this
  }

  /**
   * Updates this document in the database (not the instance), as `Model.updateOne({ _id })`;
   * document middleware registered with `{ document: true }` for `updateOne` runs around it.
   */
  async updateOne(update: Record<string, unknown>, options: QueryOptions = {}): Promise<unknown> {
    const model = this.constructor as unknown as ModelClass
    const hooks = model.schema.s.hooks
    await hooks.runPre('updateOne', this, 'document')
    const session = this.$__.session
    const result = await model.updateOne({ _id: this._doc._id }, update, { session, ...options })
    await hooks.runPost('updateOne', this, 'document', result)
    return result
  }

  /** Populates paths of this document. */
  async populate(paths: unknown, select?: unknown): Promise<this> {
    const model = this.constructor as unknown as ModelClass
    const specs =
      typeof paths === 'string' && select !== undefined ? { path: paths, select } : paths
    await populateDocuments(model, [this], specs, { lean: false })
    return this
  }

  /** The original ids of a populated path, or undefined when it is not populated. */
  populated(path: string): unknown {
    return this.$__.populated.has(path) ? (this.$__.populated.get(path) ?? true) : undefined
  }

  /** Puts the ids back on populated paths. */
  depopulate(path?: string): this {
    for (const [p, ids] of [...this.$__.populated]) {
      if (path !== undefined && p !== path) continue
      if (ids !== undefined) this._doc[p] = ids
      this.$__.populated.delete(p)
    }
    return this
  }

  /** The model of this document (mongoose's `doc.$model()`). */
  $model(name?: string): ModelClass {
    const model = this.constructor as unknown as ModelClass
    return name === undefined ? model : (model.$__model.host.model(name) as ModelClass)
  }
}

/** Builds the model class for a schema on a host. */
export function compileModel(
  name: string,
  schema: Schema,
  host: ModelHost,
  collectionName: string,
  discriminator?: ModelInternals['discriminator'],
  base: typeof Model = Model
): ModelClass {
  schema.applyGlobalPlugins()
  const internals: ModelInternals = { name, schema, collectionName, host, discriminator }
  const cls = { [name]: class extends base {} }[name] as unknown as typeof Model
  Object.defineProperty(cls, '$__model', { value: internals, enumerable: false })
  Object.defineProperty(cls, 'modelName', { value: name, enumerable: true })
  Object.defineProperty(cls, 'schema', { value: schema, enumerable: true })
  defineAccessors(cls.prototype, schema)
  for (const [method, fn] of Object.entries(schema.methods)) {
    Object.defineProperty(cls.prototype, method, {
      value: fn,
      writable: true,
      configurable: true,
      enumerable: false,
    })
  }
  for (const [statik, fn] of Object.entries(schema.statics)) {
    Object.defineProperty(cls, statik, {
      value: fn,
      writable: true,
      configurable: true,
      enumerable: false,
    })
  }
  return cls as unknown as ModelClass
}
