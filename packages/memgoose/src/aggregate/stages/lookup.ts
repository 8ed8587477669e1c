/**
 * `$lookup`: joins documents of another collection into an array field. Equality joins
 * (`localField`/`foreignField`) batch the local keys of each input batch into one `$in` find, which
 * the database serves through its planner and indexes; the `let`/`pipeline` form reads the foreign
 * collection once per run (its leading `$match` pushed into the find) and runs the sub-pipeline per
 * document. Both forms combine: the equality match first, then the pipeline on the matches.
 */
import { isPlainObject } from '../../values/bson.js'
import { cloneValue } from '../../values/clone.js'
import { getValues } from '../../query/index.js'
import { compileExpression } from '../expressions/compile.js'
import { compilePath } from '../expressions/field-path.js'
import type { Evaluate, Vars } from '../expressions/types.js'
import { assertVariableName, childVars } from '../expressions/variables.js'
import { fieldParts, withField } from '../doc-path.js'
import { groupKey } from '../group-key.js'
import type { AggregateContext, Doc } from '../types.js'
import { badStage } from './errors.js'
import { compileSubPipeline, runOver, type SplitSubPipeline } from './sub-pipeline.js'
import type { StageCompiler } from './types.js'

const ALLOWED = new Set(['from', 'localField', 'foreignField', 'as', 'let', 'pipeline'])

function localKeys(doc: Doc, readLocal: (doc: unknown) => unknown): unknown[] {
  const v = readLocal(doc)
  if (Array.isArray(v)) return v
  return [v === undefined ? null : v]
}

/** Foreign documents indexed by the key values of `foreignField` (array elements each count). */
function indexForeign(docs: Doc[], foreignField: string): Map<unknown, number[]> {
  const index = new Map<unknown, number[]>()
  docs.forEach((doc, position) => {
    for (const v of getValues(doc, foreignField)) {
      const key = groupKey(v)
      const list = index.get(key)
      if (list === undefined) index.set(key, [position])
      else if (list[list.length - 1] !== position) list.push(position)
    }
  })
  return index
}

/** Compiles `$lookup`. */
export const lookup: StageCompiler = (spec, env, name) => {
  if (!isPlainObject(spec)) throw badStage(name, 'requires an object specification')
  for (const key of Object.keys(spec))
    if (!ALLOWED.has(key)) throw badStage(name, `unknown argument "${key}"`)
  const { from, localField, foreignField, as } = spec
  if (typeof from !== 'string' || from === '')
    throw badStage(name, "'from' must be a collection name")
  if (typeof as !== 'string' || as === '') throw badStage(name, "'as' must be a field name")
  const asParts = fieldParts(as)
  const equality = localField !== undefined || foreignField !== undefined
  if (equality && (typeof localField !== 'string' || typeof foreignField !== 'string')) {
    throw badStage(name, "'localField' and 'foreignField' must both be field names")
  }
  if (!equality && spec.pipeline === undefined) {
    throw badStage(name, "requires either 'localField'/'foreignField' or 'pipeline'")
  }
  if (spec.let !== undefined && !isPlainObject(spec.let))
    throw badStage(name, "'let' must be an object")
  const letNames: string[] = []
  const letValues: Evaluate[] = []
  for (const [key, expr] of Object.entries(spec.let ?? {})) {
    assertVariableName(key, name)
    letNames.push(key)
    letValues.push(compileExpression(expr))
  }
  const sub: SplitSubPipeline | undefined =
    spec.pipeline === undefined
      ? undefined
      : compileSubPipeline(env, spec.pipeline, `${name}.pipeline`)
  const bind = (doc: Doc, vars: Vars): Vars => {
    if (letNames.length === 0) return vars
    const scope = childVars(vars)
    for (let i = 0; i < letNames.length; i++) scope[letNames[i]] = letValues[i](doc, vars)
    return scope
  }
  const finish = async (
    matches: Doc[],
    doc: Doc,
    ctx: AggregateContext,
    vars: Vars
  ): Promise<Doc> => {
    const results = sub ? await runOver(sub.rest, matches, ctx, bind(doc, vars)) : matches
    return withField(doc, asParts, results)
  }

  if (!equality) {
    return {
      name,
      async *run(input, rt) {
        let foreign: Doc[] | undefined
        for await (const batch of input) {
          foreign ??= await rt.ctx.find(from, sub!.filter)
          const out: Doc[] = []
          for (const doc of batch) out.push(await finish(foreign, doc, rt.ctx, rt.vars))
          yield out
        }
      },
    }
  }

  const readLocal = compilePath(localField as string)
  const foreignPath = foreignField as string
  return {
    name,
    async *run(input, rt) {
      for await (const batch of input) {
        const keys = new Map<unknown, unknown>()
        const perDoc = batch.map((doc) => {
          const values = localKeys(doc, readLocal)
          for (const v of values) keys.set(groupKey(v), v)
          return values
        })
        const filter: Record<string, unknown> = { [foreignPath]: { $in: [...keys.values()] } }
        const foreign =
          keys.size === 0
            ? []
            : await rt.ctx.find(
                from,
                sub && Object.keys(sub.filter).length > 0 ? { $and: [filter, sub.filter] } : filter
              )
        const index = indexForeign(foreign, foreignPath)
        const used = new Uint8Array(foreign.length)
        const out: Doc[] = []
        for (let d = 0; d < batch.length; d++) {
          const values = perDoc[d]
          let positions: number[]
          if (values.length === 1) positions = index.get(groupKey(values[0])) ?? []
          else {
            const set = new Set<number>()
            for (const v of values) for (const p of index.get(groupKey(v)) ?? []) set.add(p)
            positions = [...set].sort((a, b) => a - b)
          }
          const matches: Doc[] = new Array(positions.length)
          for (let m = 0; m < positions.length; m++) {
            const p = positions[m]
            // A foreign document joined into several outputs is copied so outputs never share state.
            matches[m] = used[p] ? cloneValue(foreign[p]) : foreign[p]
            used[p] = 1
          }
          out.push(
            sub
              ? await finish(matches, batch[d], rt.ctx, rt.vars)
              : withField(batch[d], asParts, matches)
          )
        }
        yield out
      }
    },
  }
}
