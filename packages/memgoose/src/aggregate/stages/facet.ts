/** `$facet`: runs several sub-pipelines over the same input; one document `{ name: results }`. */
import { isPlainObject } from '../../values/bson.js'
import { assertSafeKey } from '../../values/paths.js'
import type { Doc } from '../types.js'
import { collect } from './batches.js'
import { badStage } from './errors.js'
import { runOver } from './sub-pipeline.js'
import type { CompiledStages, StageCompiler } from './types.js'

const FORBIDDEN_INSIDE = new Set(['$facet', '$out', '$merge'])

/** Compiles `$facet`. */
export const facet: StageCompiler = (spec, env, name) => {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0)
    throw badStage(name, 'requires at least one facet')
  const facets: [string, CompiledStages][] = []
  for (const key of Object.keys(spec)) {
    assertSafeKey(key, name)
    if (key.startsWith('$') || key.includes('.'))
      throw badStage(name, `invalid facet name "${key}"`)
    const pipeline = spec[key]
    if (!Array.isArray(pipeline))
      throw badStage(name, `the facet "${key}" must be an array of stages`)
    for (const stage of pipeline) {
      const stageKey = isPlainObject(stage) ? Object.keys(stage)[0] : undefined
      if (stageKey && FORBIDDEN_INSIDE.has(stageKey))
        throw badStage(name, `${stageKey} is not allowed inside $facet`)
    }
    facets.push([key, env.compilePipeline(pipeline, `${name}.${key}`)])
  }
  return {
    name,
    async *run(input, rt) {
      const docs = await collect(input)
      const out: Doc = {}
      for (const [key, compiled] of facets)
        out[key] = await runOver(compiled, docs, rt.ctx, rt.vars)
      yield [out]
    },
  }
}
