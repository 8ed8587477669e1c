/**
 * Running sub-pipelines (`$lookup`, `$facet`, `$unionWith`, `$graphLookup`) over arrays, and pushing
 * a sub-pipeline's leading variable-free `$match` into the foreign `find` so indexes can serve it.
 */
import { isPlainObject } from '../../values/bson.js'
import type { Vars } from '../expressions/types.js'
import type { AggregateContext, Doc } from '../types.js'
import { collect, fromArray } from './batches.js'
import type { CompiledStages, StageEnv } from './types.js'

/** Runs compiled stages over `docs`. */
export function runOver(
  compiled: CompiledStages,
  docs: readonly Doc[],
  ctx: AggregateContext,
  vars: Vars
): Promise<Doc[]> {
  let stream = fromArray(docs)
  for (const stage of compiled.stages) stream = stage.run(stream, { ctx, vars })
  return collect(stream)
}

function usesVariables(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('$$')
  if (Array.isArray(value)) return value.some(usesVariables)
  if (isPlainObject(value)) return Object.keys(value).some((k) => usesVariables(value[k]))
  return false
}

/** A sub-pipeline split into the filter its `find` can take and the stages run afterwards. */
export interface SplitSubPipeline {
  filter: Record<string, unknown>
  rest: CompiledStages
}

/** Compiles a sub-pipeline, folding its leading variable-free `$match` stages into a filter. */
export function compileSubPipeline(
  env: StageEnv,
  pipeline: unknown,
  where: string
): SplitSubPipeline {
  const list = Array.isArray(pipeline) ? pipeline : []
  const filters: Record<string, unknown>[] = []
  let i = 0
  while (i < list.length) {
    const stage = list[i]
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1 || !isPlainObject(stage.$match))
      break
    if (usesVariables(stage.$match)) break
    filters.push(stage.$match)
    i++
  }
  const rest = env.compilePipeline(Array.isArray(pipeline) ? list.slice(i) : pipeline, where)
  env.compilePipeline(list.slice(0, i), where)
  const filter = filters.length === 0 ? {} : filters.length === 1 ? filters[0] : { $and: filters }
  return { filter, rest }
}
