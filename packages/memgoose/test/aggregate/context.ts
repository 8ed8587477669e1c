/**
 * An in-memory AggregateContext over arrays for the aggregation tests: the head is served with the
 * query engine (filter, sort, skip, limit), `find` and `write` work on named arrays and are recorded.
 */
import { compileFilter, compileSort } from '../../src/query/index.js'
import { aggregateToArray } from '../../src/aggregate/index.js'
import type { AggregateContext, Doc, PipelineHead, WriteMode } from '../../src/aggregate/index.js'

/** The test context plus what it observed. */
export interface ArrayContext extends AggregateContext {
  collections: Record<string, Doc[]>
  heads: PipelineHead[]
  finds: { collection: string; filter: Record<string, unknown> }[]
  writes: { collection: string; docs: Doc[]; mode: WriteMode }[]
}

/** A context whose pipeline source is `docs` and whose other collections are `others`. */
export function arrayContext(docs: Doc[], others: Record<string, Doc[]> = {}): ArrayContext {
  const ctx: ArrayContext = {
    collections: { ...others },
    heads: [],
    finds: [],
    writes: [],
    source(head) {
      ctx.heads.push(head)
      let out = head.filter ? docs.filter(compileFilter(head.filter)) : docs.slice()
      if (head.sort) out.sort(compileSort(Object.fromEntries(head.sort)))
      const skip = head.skip ?? 0
      out = out.slice(skip, head.limit === undefined ? undefined : skip + head.limit)
      return structuredClone(out)
    },
    find(collection, filter) {
      ctx.finds.push({ collection, filter })
      return structuredClone((ctx.collections[collection] ?? []).filter(compileFilter(filter)))
    },
    write(collection, written, mode) {
      ctx.writes.push({ collection, docs: written, mode })
    },
  }
  return ctx
}

/** Runs `pipeline` over `docs` (and other named collections) and returns every result. */
export function run(
  docs: Doc[],
  pipeline: unknown[],
  others: Record<string, Doc[]> = {}
): Promise<Doc[]> {
  return aggregateToArray(pipeline, arrayContext(docs, others))
}
