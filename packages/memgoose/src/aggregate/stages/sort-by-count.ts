/** `$sortByCount`: `{ _id: value, count }` per distinct value, most frequent first. */
import { isPlainObject } from '../../values/bson.js'
import { compileExpression } from '../expressions/compile.js'
import { groupKey } from '../group-key.js'
import { blockingStage } from './batches.js'
import { badStage } from './errors.js'
import type { StageCompiler } from './types.js'

/** Compiles `$sortByCount`. */
export const sortByCount: StageCompiler = (spec, _env, name) => {
  const isExpr =
    (typeof spec === 'string' && spec.startsWith('$')) ||
    (isPlainObject(spec) && Object.keys(spec).length === 1 && Object.keys(spec)[0].startsWith('$'))
  if (!isExpr) throw badStage(name, 'requires a field path or an operator expression')
  const expr = compileExpression(spec)
  return blockingStage(name, (docs, rt) => {
    const counts = new Map<unknown, { _id: unknown; count: number }>()
    for (const doc of docs) {
      const v = expr(doc, rt.vars)
      const key = groupKey(v)
      const entry = counts.get(key)
      if (entry) entry.count++
      else counts.set(key, { _id: v === undefined ? null : v, count: 1 })
    }
    return [...counts.values()].sort((a, b) => b.count - a.count)
  })
}
