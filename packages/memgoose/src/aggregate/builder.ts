/**
 * mongoose's chainable `Aggregate`: builds a pipeline and runs it through a runner the model layer
 * supplies. Thenable, so `await Model.aggregate(...).match(...)` works; results are plain objects.
 */
import { QueryError } from '../errors/index.js'
import { isPlainObject } from '../values/bson.js'
import { AggregationCursor } from './cursor.js'
import type { Doc } from './types.js'

/** A pipeline stage object (`{ $match: {...} }`). */
export type PipelineStage = Record<string, unknown>

/** Options of an aggregation (`let`, `session`, `allowDiskUse` ...), passed through to the runner. */
export interface AggregateOptions {
  [option: string]: unknown
  session?: unknown
  let?: Record<string, unknown>
  allowDiskUse?: boolean
  maxTimeMS?: number
  comment?: unknown
  hint?: unknown
  collation?: unknown
}

/** What the model layer supplies to execute a built pipeline. */
export interface AggregateRunner {
  /** Streams the results of `pipeline`. */
  run(pipeline: PipelineStage[], options: AggregateOptions): AsyncIterable<Doc>
  /**
   * The same results in batches; `exec()` prefers it when present, paying one await per batch
   * instead of per result.
   */
  runBatches?(pipeline: PipelineStage[], options: AggregateOptions): AsyncIterable<Doc[]>
  /** Describes how `pipeline` would run. */
  explain(pipeline: PipelineStage[], options: AggregateOptions): Promise<unknown>
  /** `pre('aggregate')` / `post('aggregate')` middleware. */
  hooks?: {
    pre?(aggregate: Aggregate): unknown
    post?(aggregate: Aggregate, result: Doc[], error?: unknown): unknown
  }
}

function sortSpec(arg: string | Record<string, unknown>): Record<string, unknown> {
  if (typeof arg !== 'string') return { ...arg }
  const out: Record<string, unknown> = {}
  for (const token of arg.split(/\s+/)) {
    if (token === '') continue
    if (token.startsWith('-')) out[token.slice(1)] = -1
    else out[token.startsWith('+') ? token.slice(1) : token] = 1
  }
  return out
}

function projectSpec(arg: string | Record<string, unknown>): Record<string, unknown> {
  if (typeof arg !== 'string') return arg
  const out: Record<string, unknown> = {}
  for (const token of arg.split(/\s+/)) {
    if (token === '') continue
    if (token.startsWith('-')) out[token.slice(1)] = 0
    else out[token.startsWith('+') ? token.slice(1) : token] = 1
  }
  return out
}

const fieldRef = (field: string) => (field.startsWith('$') ? field : `$${field}`)

/** mongoose's Aggregate builder. */
export class Aggregate<T = Doc> implements PromiseLike<T[]>, AsyncIterable<T> {
  /** Options passed to the runner (mongoose exposes them as a plain property). */
  options: AggregateOptions = {}
  readonly #pipeline: PipelineStage[]
  readonly #runner: AggregateRunner | undefined

  /** A builder over `pipeline` (copied), bound to `runner` when given. */
  constructor(pipeline: PipelineStage[] = [], runner?: AggregateRunner) {
    if (!Array.isArray(pipeline))
      throw new QueryError('BAD_STAGE', 'Aggregate expects an array of stages')
    this.#pipeline = []
    this.append(...pipeline)
    this.#runner = runner
  }

  /** Appends stages (objects with exactly one `$` key, or arrays of them). */
  append(...stages: (PipelineStage | PipelineStage[])[]): this {
    for (const stage of stages.flat()) {
      const keys = isPlainObject(stage) ? Object.keys(stage) : []
      if (keys.length !== 1 || !keys[0].startsWith('$')) {
        throw new QueryError('BAD_STAGE', 'Arguments must be aggregate pipeline operators')
      }
      this.#pipeline.push(stage)
    }
    return this
  }

  /** The pipeline built so far (the live array, as mongoose returns it). */
  pipeline(): PipelineStage[] {
    return this.#pipeline
  }

  /** Appends `$match`. */
  match(filter: Record<string, unknown>): this {
    if (!isPlainObject(filter))
      throw new QueryError('BAD_STAGE', '$match: the filter must be an object')
    return this.append({ $match: filter })
  }

  /** Appends `$group`. */
  group(spec: Record<string, unknown>): this {
    return this.append({ $group: spec })
  }

  /** Appends `$project`; a string `'a b -c'` is read as mongoose reads it. */
  project(spec: string | Record<string, unknown>): this {
    return this.append({ $project: projectSpec(spec) })
  }

  /** Appends `$sort`; accepts `{ a: 1 }`, `{ a: 'desc' }` or `'-a b'`. */
  sort(spec: string | Record<string, unknown>): this {
    const normalized = sortSpec(spec)
    for (const key of Object.keys(normalized)) {
      const v = normalized[key]
      if (v === 'asc' || v === 'ascending') normalized[key] = 1
      else if (v === 'desc' || v === 'descending') normalized[key] = -1
    }
    return this.append({ $sort: normalized })
  }

  /** Appends `$limit`. */
  limit(n: number): this {
    return this.append({ $limit: n })
  }

  /** Appends `$skip`. */
  skip(n: number): this {
    return this.append({ $skip: n })
  }

  /** Appends one `$unwind` per argument (field names with or without `$`, or option objects). */
  unwind(...fields: (string | Record<string, unknown>)[]): this {
    for (const field of fields)
      this.append({ $unwind: typeof field === 'string' ? fieldRef(field) : field })
    return this
  }

  /** Appends `$lookup`. */
  lookup(spec: Record<string, unknown>): this {
    return this.append({ $lookup: spec })
  }

  /** Appends `$graphLookup`. */
  graphLookup(spec: Record<string, unknown>): this {
    return this.append({ $graphLookup: spec })
  }

  /** Appends `$facet`. */
  facet(spec: Record<string, unknown>): this {
    return this.append({ $facet: spec })
  }

  /** Appends `$addFields`. */
  addFields(spec: Record<string, unknown>): this {
    return this.append({ $addFields: spec })
  }

  /** Appends `$set` (an alias of `$addFields`). */
  set(spec: Record<string, unknown>): this {
    return this.append({ $set: spec })
  }

  /** Appends `$unset`. */
  unset(...fields: (string | string[])[]): this {
    const list = fields.flat()
    return this.append({ $unset: list.length === 1 ? list[0] : list })
  }

  /** Appends `$count`. */
  count(field: string): this {
    return this.append({ $count: field })
  }

  /** Appends `$sortByCount`; a field name gets its `$` added. */
  sortByCount(arg: string | Record<string, unknown>): this {
    return this.append({ $sortByCount: typeof arg === 'string' ? fieldRef(arg) : arg })
  }

  /** Appends `$replaceRoot`; a field name becomes `{ newRoot: '$field' }`. */
  replaceRoot(newRoot: string | Record<string, unknown>): this {
    return this.append({
      $replaceRoot: { newRoot: typeof newRoot === 'string' ? fieldRef(newRoot) : newRoot },
    })
  }

  /** Appends `$replaceWith`. */
  replaceWith(expr: unknown): this {
    return this.append({ $replaceWith: expr })
  }

  /** Appends `$sample`. */
  sample(size: number): this {
    return this.append({ $sample: { size } })
  }

  /** Appends `$unionWith`. */
  unionWith(spec: string | Record<string, unknown>): this {
    return this.append({ $unionWith: spec })
  }

  /** Appends `$redact`; with three arguments builds `{ $cond: { if, then, else } }`. */
  redact(expr: unknown, thenExpr?: unknown, elseExpr?: unknown): this {
    const value =
      thenExpr === undefined ? expr : { $cond: { if: expr, then: thenExpr, else: elseExpr } }
    return this.append({ $redact: value })
  }

  /** Appends `$densify`. */
  densify(spec: Record<string, unknown>): this {
    return this.append({ $densify: spec })
  }

  /** Appends `$fill`. */
  fill(spec: Record<string, unknown>): this {
    return this.append({ $fill: spec })
  }

  /** Appends `$out`. */
  out(collection: string | Record<string, unknown>): this {
    return this.append({ $out: collection })
  }

  /** Merges options (`{ allowDiskUse, let, session, ... }`). */
  option(options: AggregateOptions): this {
    Object.assign(this.options, options)
    return this
  }

  /** Sets the session option. */
  session(session: unknown): this {
    this.options.session = session
    return this
  }

  /** Sets `allowDiskUse` (accepted for compatibility; everything runs in memory). */
  allowDiskUse(value = true): this {
    this.options.allowDiskUse = value
    return this
  }

  /** Sets the `hint` option. */
  hint(value: unknown): this {
    this.options.hint = value
    return this
  }

  /** Sets the `collation` option. */
  collation(value: unknown): this {
    this.options.collation = value
    return this
  }

  #bound(): AggregateRunner {
    if (!this.#runner) throw new QueryError('NO_MODEL', 'Aggregate not bound to any Model')
    return this.#runner
  }

  /** Describes how the pipeline would run (the head handed to the planner, the stages run after). */
  async explain(): Promise<unknown> {
    return this.#bound().explain(this.#pipeline, this.options)
  }

  /** A cursor over the results; middleware runs when it is first read. */
  cursor(): AggregationCursor<T> {
    const runner = this.#bound()
    return new AggregationCursor<T>(async () => {
      await runner.hooks?.pre?.(this as Aggregate)
      const iterable = runner.run(this.#pipeline, this.options) as AsyncIterable<T>
      return iterable[Symbol.asyncIterator]()
    })
  }

  /** Runs the pipeline with middleware and resolves to every result. */
  async exec(): Promise<T[]> {
    const runner = this.#bound()
    await runner.hooks?.pre?.(this as Aggregate)
    const out: T[] = []
    if (runner.runBatches) {
      for await (const batch of runner.runBatches(this.#pipeline, this.options))
        for (const doc of batch) out.push(doc as T)
    } else {
      for await (const doc of runner.run(this.#pipeline, this.options)) out.push(doc as T)
    }
    await runner.hooks?.post?.(this as Aggregate, out as Doc[])
    return out
  }

  /** Makes the builder awaitable. */
  then<R1 = T[], R2 = never>(
    onfulfilled?: ((value: T[]) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null
  ): Promise<R1 | R2> {
    return this.exec().then(onfulfilled, onrejected)
  }

  /** `exec().catch(...)`. */
  catch<R = never>(
    onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null
  ): Promise<T[] | R> {
    return this.exec().catch(onrejected)
  }

  /** `exec().finally(...)`. */
  finally(onfinally?: (() => void) | null): Promise<T[]> {
    return this.exec().finally(onfinally)
  }

  /** `for await (const doc of Model.aggregate(...))`. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    return this.cursor()[Symbol.asyncIterator]()
  }

  get [Symbol.toStringTag](): string {
    return 'Aggregate'
  }
}
