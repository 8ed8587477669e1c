/** `$unionWith`: after the input, the documents of another collection (optionally through a pipeline). */
import { isPlainObject } from '../../values/bson.js'
import { badStage } from './errors.js'
import { compileSubPipeline, runOver } from './sub-pipeline.js'
import type { StageCompiler } from './types.js'

/** Compiles `$unionWith`. */
export const unionWith: StageCompiler = (spec, env, name) => {
  const options = typeof spec === 'string' ? { coll: spec } : spec
  if (!isPlainObject(options) || typeof options.coll !== 'string' || options.coll === '') {
    throw badStage(name, 'requires a collection name or { coll, pipeline? }')
  }
  for (const key of Object.keys(options)) {
    if (key !== 'coll' && key !== 'pipeline') throw badStage(name, `unknown argument "${key}"`)
  }
  const coll = options.coll
  const sub = compileSubPipeline(env, options.pipeline ?? [], `${name}.pipeline`)
  return {
    name,
    async *run(input, rt) {
      yield* input
      const docs = await runOver(sub.rest, await rt.ctx.find(coll, sub.filter), rt.ctx, rt.vars)
      for (let i = 0; i < docs.length; i += 1024) yield docs.slice(i, i + 1024)
    },
  }
}
