/**
 * The pipeline runner: splits off the head the caller's planner can serve (leading `$match`, `$sort`,
 * `$skip`, `$limit`), compiles the rest once and streams documents through it in batches.
 */
import { isPlainObject } from '../values/bson.js'
import { rootVars } from './expressions/variables.js'
import { compileStages, runStages, stageName } from './pipeline.js'
import { batchesOf, nonEmpty } from './stages/batches.js'
import { compileKeyedSort } from './stages/sort.js'
import { count } from './stages/limit.js'
import type { AggregateContext, Doc, PipelineHead } from './types.js'
import './expr-hook.js'

/** What the runner hands to the planner, and what it runs itself. */
export interface PipelineExplain {
  /** The head passed to `AggregateContext.source`. */
  head: PipelineHead
  /** The leading stages folded into the head (their operator names, in order). */
  headStages: string[]
  /** The stages the runner executes, in order. */
  stages: string[]
  /** True when a `$sort` followed by `$limit` runs as a bounded top-k sort. */
  topK: boolean
}

function usesVariables(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('$$')
  if (Array.isArray(value)) return value.some(usesVariables)
  if (isPlainObject(value)) return Object.keys(value).some((k) => usesVariables(value[k]))
  return false
}

/** Splits `pipeline` into the planner's head and the remaining stages. */
export function splitHead(pipeline: unknown): {
  head: PipelineHead
  headStages: string[]
  rest: unknown[]
} {
  const stages = Array.isArray(pipeline) ? pipeline : []
  const head: PipelineHead = {}
  const headStages: string[] = []
  const filters: Record<string, unknown>[] = []
  let i = 0
  const nameAt = (k: number) =>
    k < stages.length ? stageName(stages[k], k, 'pipeline') : undefined
  while (
    nameAt(i) === '$match' &&
    !usesVariables(stages[i].$match) &&
    isPlainObject(stages[i].$match)
  ) {
    filters.push(stages[i].$match)
    headStages.push('$match')
    i++
  }
  if (filters.length === 1) head.filter = filters[0]
  else if (filters.length > 1) head.filter = { $and: filters }
  if (nameAt(i) === '$sort') {
    head.sort = compileKeyedSort('$sort', stages[i].$sort).keys
    headStages.push('$sort')
    i++
  }
  for (let name = nameAt(i); name === '$skip' || name === '$limit'; name = nameAt(++i)) {
    if (name === '$skip') {
      const n = count('$skip', stages[i].$skip, true)
      head.skip = (head.skip ?? 0) + n
      if (head.limit !== undefined) head.limit = Math.max(0, head.limit - n)
    } else {
      const n = count('$limit', stages[i].$limit, false)
      head.limit = head.limit === undefined ? n : Math.min(head.limit, n)
    }
    headStages.push(name)
  }
  return { head, headStages, rest: stages.slice(i) }
}

/** Describes how `pipeline` would run: the head handed to the planner and the stages run here. */
export function explainPipeline(pipeline: unknown): PipelineExplain {
  const { head, headStages, rest } = splitHead(pipeline)
  compileStages(rest)
  const names = rest.map((s) => Object.keys(s as object)[0])
  const topK = names.some((n, k) => n === '$sort' && names[k + 1] === '$limit')
  return { head, headStages, stages: names, topK }
}

/**
 * Runs `pipeline` against `ctx` and streams the results in batches (the fastest way to consume them:
 * one await per batch instead of per document). Compilation happens now, so a malformed pipeline
 * throws at once.
 */
export function runPipelineBatches(pipeline: unknown, ctx: AggregateContext): AsyncIterable<Doc[]> {
  const { head, rest } = splitHead(pipeline)
  const compiled = compileStages(rest)
  const vars = rootVars(ctx.now ?? new Date(), ctx.variables)
  return {
    async *[Symbol.asyncIterator]() {
      if (head.limit === 0) return
      const input = ctx.sourceBatches
        ? nonEmpty(ctx.sourceBatches(head))
        : batchesOf(ctx.source(head))
      yield* runStages(compiled, input, { ctx, vars })
    },
  }
}

/**
 * Runs `pipeline` against `ctx`. Compilation happens now (a malformed pipeline throws at once);
 * documents stream through the returned iterable. Results are plain objects.
 */
export function runPipeline(pipeline: unknown, ctx: AggregateContext): AsyncIterable<Doc> {
  const batches = runPipelineBatches(pipeline, ctx)
  return {
    async *[Symbol.asyncIterator]() {
      for await (const batch of batches) yield* batch
    },
  }
}

/** Runs `pipeline` and collects every result. */
export async function aggregateToArray(pipeline: unknown, ctx: AggregateContext): Promise<Doc[]> {
  const out: Doc[] = []
  for await (const batch of runPipelineBatches(pipeline, ctx)) {
    for (const doc of batch) out.push(doc)
  }
  return out
}
