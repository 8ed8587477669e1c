/**
 * `$graphLookup`: recursive search over another collection. Each round asks the database for every
 * document whose `connectToField` equals one of the frontier's values (one `$in` find per depth
 * level, not per document), so indexes serve it and cycles stop at visited documents.
 */
import { isPlainObject } from '../../values/bson.js'
import { getValues } from '../../query/index.js'
import { compileExpression } from '../expressions/compile.js'
import { fieldParts, withField } from '../doc-path.js'
import { groupKey } from '../group-key.js'
import type { Doc } from '../types.js'
import { badStage } from './errors.js'
import type { StageCompiler } from './types.js'

const ALLOWED = new Set([
  'from',
  'startWith',
  'connectFromField',
  'connectToField',
  'as',
  'maxDepth',
  'depthField',
  'restrictSearchWithMatch',
])

/** Compiles `$graphLookup`. */
export const graphLookup: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec)) throw badStage(name, 'requires an object specification')
  for (const key of Object.keys(spec))
    if (!ALLOWED.has(key)) throw badStage(name, `unknown argument "${key}"`)
  const {
    from,
    connectFromField,
    connectToField,
    as,
    maxDepth,
    depthField,
    restrictSearchWithMatch,
  } = spec
  for (const [key, value] of Object.entries({ from, connectFromField, connectToField, as })) {
    if (typeof value !== 'string' || value === '')
      throw badStage(name, `'${key}' must be a non-empty string`)
  }
  if (!('startWith' in spec)) throw badStage(name, "'startWith' is required")
  if (
    maxDepth !== undefined &&
    (typeof maxDepth !== 'number' || !Number.isInteger(maxDepth) || maxDepth < 0)
  ) {
    throw badStage(name, "'maxDepth' must be a non-negative integer")
  }
  if (depthField !== undefined && typeof depthField !== 'string')
    throw badStage(name, "'depthField' must be a string")
  if (restrictSearchWithMatch !== undefined && !isPlainObject(restrictSearchWithMatch)) {
    throw badStage(name, "'restrictSearchWithMatch' must be an object")
  }
  const startWith = compileExpression(spec.startWith)
  const asParts = fieldParts(as as string)
  const depthParts = depthField === undefined ? undefined : fieldParts(depthField)
  const toField = connectToField as string
  const fromField = connectFromField as string
  const limit = maxDepth ?? Infinity
  return {
    name,
    async *run(input, rt) {
      const cache = new Map<unknown, Doc[]>()
      const fetch = async (values: unknown[]): Promise<Map<unknown, Doc[]>> => {
        const missing = values.filter((v) => !cache.has(groupKey(v)))
        if (missing.length > 0) {
          const filter: Record<string, unknown> = { [toField]: { $in: missing } }
          const found = await rt.ctx.find(
            from as string,
            restrictSearchWithMatch ? { $and: [filter, restrictSearchWithMatch] } : filter
          )
          for (const v of missing) cache.set(groupKey(v), [])
          for (const doc of found) {
            for (const v of getValues(doc, toField)) cache.get(groupKey(v))?.push(doc)
          }
        }
        return cache
      }
      for await (const batch of input) {
        const out: Doc[] = []
        for (const doc of batch) {
          const start = startWith(doc, rt.vars)
          let frontier = Array.isArray(start) ? start : [start === undefined ? null : start]
          const visited = new Map<unknown, Doc>()
          const results: Doc[] = []
          for (let depth = 0; depth <= limit && frontier.length > 0; depth++) {
            const byValue = await fetch(frontier)
            const next: unknown[] = []
            for (const v of frontier) {
              for (const found of byValue.get(groupKey(v)) ?? []) {
                const id = groupKey(found._id)
                if (visited.has(id)) continue
                visited.set(id, found)
                results.push(depthParts ? withField(found, depthParts, depth) : found)
                for (const w of getValues(found, fromField)) if (w !== undefined) next.push(w)
              }
            }
            frontier = next
          }
          out.push(withField(doc, asParts, results))
        }
        yield out
      }
    },
  }
}
