/**
 * Query: mongoose's chainable, thenable query builder. It only records what to do (operation, filter,
 * update, options); query-exec.ts runs it. Middleware for the operation runs around execution.
 */
import { QueryError } from '../errors/index.js'
import { isPlainObject } from '../values/bson.js'
import { assertSafeKey } from '../values/paths.js'
import type { ModelClass } from './model-types.js'
import { executeQuery, explainQuery, queryCursor } from './query-exec.js'

/** The operations a Query can run (also its middleware names). */
export type QueryOp =
  | 'find'
  | 'findOne'
  | 'countDocuments'
  | 'estimatedDocumentCount'
  | 'distinct'
  | 'updateOne'
  | 'updateMany'
  | 'replaceOne'
  | 'deleteOne'
  | 'deleteMany'
  | 'findOneAndUpdate'
  | 'findOneAndReplace'
  | 'findOneAndDelete'

/** Query options (mongoose's names). */
export interface QueryOptions {
  sort?: unknown
  skip?: number
  limit?: number
  lean?: boolean | { virtuals?: boolean; getters?: boolean }
  projection?: Record<string, unknown>
  populate?: unknown[]
  session?: unknown
  upsert?: boolean
  new?: boolean
  returnDocument?: 'before' | 'after'
  runValidators?: boolean
  arrayFilters?: Record<string, unknown>[]
  hint?: string | Record<string, unknown>
  strict?: boolean | 'throw'
  timestamps?: boolean
  overwriteDiscriminatorKey?: boolean
  includeResultMetadata?: boolean
  rawResult?: boolean
  batchSize?: number
  distinctField?: string
  orFail?: unknown
  setDefaultsOnInsert?: boolean
  translateAliases?: boolean
  [key: string]: unknown
}

type Filter = Record<string, unknown>

/** A pending query against one model. */
export class Query<Result = unknown> implements PromiseLike<Result> {
  /** Query helpers from `schema.query` (`User.find().byName('x')`), bound per query. */
  [helper: string]: any
  /** The model this query runs against. */
  readonly model: ModelClass
  /** The operation (`'find'`, `'updateOne'`, ...). */
  op: QueryOp
  #filter: Filter
  #update: Record<string, unknown> | undefined
  #options: QueryOptions
  #path: string | undefined

  constructor(
    model: ModelClass,
    op: QueryOp,
    filter: Filter = {},
    update?: Record<string, unknown>,
    options: QueryOptions = {}
  ) {
    if (
      filter !== undefined &&
      filter !== null &&
      !isPlainObject(filter) &&
      typeof filter !== 'object'
    ) {
      throw new QueryError('BAD_FILTER', `The filter must be an object, got ${typeof filter}`)
    }
    this.model = model
    this.op = op
    this.#filter = { ...(filter ?? {}) }
    this.#update = update
    this.#options = { ...options }
    const helpers = model.schema.query
    // for-in rather than Object.keys: most schemas have no query helpers, and then this costs no
    // allocation on every query.
    for (const name in helpers) {
      if (!Object.prototype.hasOwnProperty.call(helpers, name)) continue
      Object.defineProperty(this, name, {
        value: helpers[name].bind(this),
        enumerable: false,
        configurable: true,
      })
    }
  }

  // ── filter building ──────────────────────────────────────────────────────────────────────────

  /** `where('age')` selects a path for the next operator; `where({ ... })` merges conditions. */
  where(path: string | Filter, value?: unknown): this {
    if (typeof path === 'string') {
      this.#path = path
      if (arguments.length >= 2) this.#filter[path] = value
    } else Object.assign(this.#filter, path)
    return this
  }

  #cond(op: string, pathOrValue: unknown, value: unknown, argCount: number): this {
    const path = argCount >= 2 ? (pathOrValue as string) : this.#path
    const operand = argCount >= 2 ? value : pathOrValue
    if (path === undefined)
      throw new QueryError('BAD_QUERY', `${op}() needs a path: call where(path) first`)
    const existing = this.#filter[path]
    const cond =
      isPlainObject(existing) && Object.keys(existing).every((k) => k.startsWith('$'))
        ? existing
        : {}
    cond[op] = operand
    this.#filter[path] = cond
    return this
  }

  /** Equality on the current `where` path. */
  equals(value: unknown): this {
    if (this.#path === undefined)
      throw new QueryError('BAD_QUERY', 'equals() needs a path: call where(path) first')
    this.#filter[this.#path] = value
    return this
  }
  /** `$eq` on a path. */
  eq(path: unknown, value?: unknown): this {
    return this.#cond('$eq', path, value, arguments.length)
  }
  /** `$gt` on a path (or the `where` path). */
  gt(path: unknown, value?: unknown): this {
    return this.#cond('$gt', path, value, arguments.length)
  }
  /** `$gte`. */
  gte(path: unknown, value?: unknown): this {
    return this.#cond('$gte', path, value, arguments.length)
  }
  /** `$lt`. */
  lt(path: unknown, value?: unknown): this {
    return this.#cond('$lt', path, value, arguments.length)
  }
  /** `$lte`. */
  lte(path: unknown, value?: unknown): this {
    return this.#cond('$lte', path, value, arguments.length)
  }
  /** `$ne`. */
  ne(path: unknown, value?: unknown): this {
    return this.#cond('$ne', path, value, arguments.length)
  }
  /** `$in`. */
  in(path: unknown, value?: unknown): this {
    return this.#cond('$in', path, value, arguments.length)
  }
  /** `$nin`. */
  nin(path: unknown, value?: unknown): this {
    return this.#cond('$nin', path, value, arguments.length)
  }
  /** `$all`. */
  all(path: unknown, value?: unknown): this {
    return this.#cond('$all', path, value, arguments.length)
  }
  /** `$size`. */
  size(path: unknown, value?: unknown): this {
    return this.#cond('$size', path, value, arguments.length)
  }
  /** `$regex`. */
  regex(path: unknown, value?: unknown): this {
    return this.#cond('$regex', path, value, arguments.length)
  }
  /** `$mod`. */
  mod(path: unknown, value?: unknown): this {
    return this.#cond('$mod', path, value, arguments.length)
  }
  /** `$exists` (defaults to true). */
  exists(path?: unknown, value?: unknown): this {
    if (arguments.length === 0) return this.#cond('$exists', true, undefined, 1)
    if (typeof path === 'boolean') return this.#cond('$exists', path, undefined, 1)
    return this.#cond('$exists', path, arguments.length >= 2 ? value : true, 2)
  }
  /** `$elemMatch`. */
  elemMatch(path: unknown, value?: unknown): this {
    return this.#cond('$elemMatch', path, value, arguments.length)
  }
  /** Adds `$or` branches. */
  or(conditions: Filter[]): this {
    this.#pushLogical('$or', conditions)
    return this
  }
  /** Adds `$and` members. */
  and(conditions: Filter[]): this {
    this.#pushLogical('$and', conditions)
    return this
  }
  /** Adds `$nor` members. */
  nor(conditions: Filter[]): this {
    this.#pushLogical('$nor', conditions)
    return this
  }

  #pushLogical(op: '$or' | '$and' | '$nor', conditions: Filter[]): void {
    if (!Array.isArray(conditions))
      throw new QueryError('BAD_FILTER', `${op} takes an array of conditions`)
    const existing = this.#filter[op]
    if (op === '$or' && Array.isArray(existing)) {
      // A second or() must AND with the first, not widen it.
      const and = Array.isArray(this.#filter.$and) ? (this.#filter.$and as Filter[]) : []
      and.push({ $or: conditions })
      this.#filter.$and = and
      return
    }
    this.#filter[op] = Array.isArray(existing) ? [...existing, ...conditions] : [...conditions]
  }

  // ── options ─────────────────────────────────────────────────────────────────────────────────

  /** Projection: `'name -age'`, `['name']` or `{ name: 1 }`. */
  select(projection: string | string[] | Record<string, unknown>): this {
    const out: Record<string, unknown> = { ...(this.#options.projection ?? {}) }
    if (typeof projection === 'string') {
      for (const token of projection.split(/\s+/).filter(Boolean)) {
        if (token.startsWith('-')) out[token.slice(1)] = 0
        else if (token.startsWith('+')) out[token.slice(1)] = '+'
        else out[token] = 1
      }
    } else if (Array.isArray(projection)) for (const p of projection) out[p] = 1
    else {
      // Key by key, not Object.assign: a `__proto__` key must reach validation, not the prototype.
      for (const key of Object.keys(projection)) {
        assertSafeKey(key, 'a projection')
        out[key] = projection[key]
      }
    }
    this.#options.projection = out
    return this
  }
  /** Alias of select() as a setter; without arguments returns the projection. */
  projection(projection?: Record<string, unknown>): Record<string, unknown> | undefined {
    if (projection !== undefined) this.#options.projection = { ...projection }
    return this.#options.projection
  }
  /** Sort: `{ a: 1, b: -1 }`, `'a -b'` or `[['a', 1]]`. */
  sort(sort: unknown): this {
    this.#options.sort = sort
    return this
  }
  /** Skip this many results. */
  skip(n: number): this {
    this.#options.skip = n
    return this
  }
  /** Return at most this many results. */
  limit(n: number): this {
    this.#options.limit = n
    return this
  }
  /** Return plain objects instead of documents. `{ virtuals: true }` adds virtuals. */
  lean(lean: boolean | { virtuals?: boolean; getters?: boolean } = true): this {
    this.#options.lean = lean
    return this
  }
  /** Records paths to populate (see populate.ts). */
  populate(path: unknown, select?: unknown): this {
    const list = this.#options.populate ?? []
    if (typeof path === 'string' && select !== undefined) list.push({ path, select })
    else if (Array.isArray(path)) list.push(...path)
    else list.push(path)
    this.#options.populate = list
    return this
  }
  /** Runs the query in a session (transaction). */
  session(session: unknown): this {
    this.#options.session = session ?? undefined
    return this
  }
  /** Index hint (index name or key pattern). */
  hint(hint: string | Record<string, unknown>): this {
    this.#options.hint = hint
    return this
  }
  /** Batch size for cursors. */
  batchSize(n: number): this {
    this.#options.batchSize = n
    return this
  }
  /** Accepted for compatibility; there is no server to time out. */
  maxTimeMS(_ms: number): this {
    return this
  }
  /** Accepted for compatibility (comments are a server-log feature). */
  comment(_comment: string): this {
    return this
  }
  /** Accepted for compatibility (no replica set). */
  read(_pref?: string): this {
    return this
  }
  /** Throws `err` (or a DocumentNotFoundError) when the result is empty. */
  orFail(err?: unknown): this {
    this.#options.orFail = err ?? true
    return this
  }
  /** Merges query options. */
  setOptions(options: QueryOptions): this {
    for (const key in options) {
      if (!Object.prototype.hasOwnProperty.call(options, key)) continue
      if (key === 'sort') {
        if (options.sort !== undefined) this.sort(options.sort)
      } else this.#options[key as keyof QueryOptions] = options[key as keyof QueryOptions] as never
    }
    return this
  }
  /** Sets the update of an update query. */
  setUpdate(update: Record<string, unknown>): this {
    this.#update = update
    return this
  }
  /** Sets a `$set` path on the update (mongoose's query.set in middleware). */
  set(path: string | Record<string, unknown>, value?: unknown): this {
    const update = (this.#update ??= {})
    const set = (isPlainObject(update.$set) ? update.$set : (update.$set = {})) as Record<
      string,
      unknown
    >
    if (typeof path === 'string') set[path] = value
    else Object.assign(set, path)
    return this
  }
  /** Reads a `$set` value of the update. */
  get(path: string): unknown {
    const set = this.#update?.$set
    return isPlainObject(set) ? set[path] : this.#update?.[path]
  }
  /** Replaces the filter. */
  setQuery(filter: Filter): this {
    this.#filter = { ...filter }
    return this
  }
  /** Merges another filter (or query) into this one. */
  merge(source: Filter | Query): this {
    Object.assign(this.#filter, source instanceof Query ? source.getFilter() : source)
    return this
  }

  /** The filter (live object: middleware may change it). */
  getFilter(): Filter {
    return this.#filter
  }
  /** mongoose's alias of getFilter(). */
  getQuery(): Filter {
    return this.#filter
  }
  /** The update document (live). */
  getUpdate(): Record<string, unknown> | undefined {
    return this.#update
  }
  /** The options (live). */
  getOptions(): QueryOptions {
    return this.#options
  }

  /** Turns this query into a count. */
  countDocuments(filter?: Filter): Query<number> {
    if (filter) this.merge(filter)
    this.op = 'countDocuments'
    return this as unknown as Query<number>
  }
  /** Turns this query into a distinct. */
  distinct(field: string, filter?: Filter): Query<unknown[]> {
    if (filter) this.merge(filter)
    this.op = 'distinct'
    this.#options.distinctField = field
    return this as unknown as Query<unknown[]>
  }

  // ── execution ───────────────────────────────────────────────────────────────────────────────

  /** Runs the query. */
  exec(): Promise<Result> {
    return executeQuery(this) as Promise<Result>
  }

  /** Thenable: `await query` runs it. */
  then<A = Result, B = never>(
    onfulfilled?: ((value: Result) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null
  ): Promise<A | B> {
    return this.exec().then(onfulfilled, onrejected)
  }
  /** Runs the query and handles a rejection. */
  catch<B = never>(onrejected?: ((reason: any) => B | PromiseLike<B>) | null): Promise<Result | B> {
    return this.exec().catch(onrejected)
  }
  /** Runs the query, then `fn` either way. */
  finally(fn?: (() => void) | null): Promise<Result> {
    return this.exec().finally(fn)
  }

  /** A cursor streaming results from the engine (async iterator with `next()`/`close()`). */
  cursor(): AsyncIterableIterator<unknown> & {
    next(): Promise<IteratorResult<unknown>>
    close(): Promise<void>
  } {
    return queryCursor(this)
  }

  /** `for await (const doc of Model.find())`. */
  [Symbol.asyncIterator](): AsyncIterator<unknown> {
    return this.cursor()
  }

  /** The plan the query would use (index, bounds, what the engine runs itself). */
  explain(_verbosity?: string): Promise<Record<string, unknown>> {
    return explainQuery(this)
  }

  /** A copy of this query. */
  clone(): Query<Result> {
    return new Query<Result>(this.model, this.op, { ...this.#filter }, this.#update, {
      ...this.#options,
    })
  }

  get [Symbol.toStringTag](): string {
    return 'Query'
  }
}
