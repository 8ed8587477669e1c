/**
 * Compiles a pipeline (an array of one-key stage objects) into stages, once, and chains them.
 * Stage names and shapes are validated here so a malformed pipeline fails before reading anything.
 */
import { MemgooseError, QueryError } from '../errors/index.js'
import { isPlainObject } from '../values/bson.js'
import { stageCompilers } from './stages/index.js'
import type { Batches, CompiledStages, Runtime, Stage, StageEnv } from './stages/types.js'

const LAST_ONLY = new Set(['$out', '$merge'])

/** Validates a stage object and returns its operator name. */
export function stageName(spec: unknown, index: number, where: string): string {
  if (!isPlainObject(spec) || Object.keys(spec).length !== 1) {
    throw new QueryError(
      'BAD_STAGE',
      `${where}: stage ${index} must be an object with exactly one field, the stage name`
    )
  }
  const name = Object.keys(spec)[0]
  if (!Object.hasOwn(stageCompilers, name)) {
    throw new QueryError('UNKNOWN_STAGE', `${where}: unrecognized pipeline stage name '${name}'`)
  }
  return name
}

/** Compiles `pipeline`; `where` prefixes error messages (e.g. `'$lookup.pipeline'`). */
export function compileStages(pipeline: unknown, where = 'pipeline'): CompiledStages {
  if (!Array.isArray(pipeline)) {
    throw new QueryError('BAD_STAGE', `${where}: a pipeline must be an array of stages`)
  }
  const stages: Stage[] = []
  for (let i = 0; i < pipeline.length; i++) {
    const spec = pipeline[i] as Record<string, unknown>
    const name = stageName(spec, i, where)
    if (LAST_ONLY.has(name) && (i !== pipeline.length - 1 || where !== 'pipeline')) {
      throw new QueryError(
        'BAD_STAGE',
        `${name} can only be the final stage of the top-level pipeline`
      )
    }
    const next = pipeline[i + 1]
    const env: StageEnv = {
      compilePipeline: (sub, subWhere) => compileStages(sub, subWhere),
      next: isPlainObject(next) ? next : undefined,
    }
    try {
      stages.push(stageCompilers[name](spec[name], env, name))
    } catch (err) {
      if (err instanceof MemgooseError && !err.message.startsWith(name))
        err.message = `${name}: ${err.message}`
      throw err
    }
  }
  return { stages }
}

/** Chains compiled stages over an input stream. */
export function runStages(compiled: CompiledStages, input: Batches, rt: Runtime): Batches {
  let stream = input
  for (const stage of compiled.stages) stream = stage.run(stream, rt)
  return stream
}
