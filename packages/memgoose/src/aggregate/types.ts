/**
 * Shapes shared by the pipeline runner, the stages and the builder. The runner knows nothing of models
 * or engines: everything it reads or writes goes through an {@link AggregateContext}.
 */

/** A document flowing through a pipeline. */
export type Doc = Record<string, unknown>

/** The leading `$match`/`$sort`/`$skip`/`$limit` prefix handed to the caller's planner. */
export interface PipelineHead {
  filter?: Record<string, unknown>
  sort?: [string, 1 | -1][]
  skip?: number
  limit?: number
}

/** What `$merge` does with a document whose `on` fields match an existing one. */
export type WhenMatched = 'replace' | 'keepExisting' | 'merge' | 'fail' | Record<string, unknown>[]

/** What `$merge` does with a document that matches nothing. */
export type WhenNotMatched = 'insert' | 'discard' | 'fail'

/** How `$out` / `$merge` write their output. */
export type WriteMode =
  | { kind: 'out' }
  | { kind: 'merge'; on: string[]; whenMatched: WhenMatched; whenNotMatched: WhenNotMatched }

/** Everything a pipeline needs from the database it runs against. */
export interface AggregateContext {
  /**
   * Source documents for the pipeline's head: `head` is the leading prefix the runner pushed down
   * (see {@link explainPipeline}); the caller runs it through its planner and indexes.
   */
  source(head: PipelineHead): AsyncIterable<Doc> | Iterable<Doc>
  /**
   * The same documents as {@link source}, in batches. When present the runner reads this instead:
   * one await per batch rather than per document, which dominates a cheap stage such as `$group`.
   * The runner takes ownership of each yielded array (stages may keep it), so yield fresh arrays;
   * empty arrays are skipped.
   */
  sourceBatches?(head: PipelineHead): AsyncIterable<Doc[]> | Iterable<Doc[]>
  /**
   * Documents of another collection of the same database matching `filter` (used by `$lookup` with
   * batched `$in` filters, `$graphLookup`, `$unionWith`).
   */
  find(collection: string, filter: Record<string, unknown>): Promise<Doc[]> | Doc[]
  /** Writes `$out` / `$merge` output into a collection of the same database. */
  write?(collection: string, docs: Doc[], mode: WriteMode): Promise<void> | void
  /** User variables (the `let` option), visible as `$$name`. */
  variables?: Record<string, unknown>
  /** The value of `$$NOW` and `$$CLUSTER_TIME`; defaults to the time the pipeline starts. */
  now?: Date
}
