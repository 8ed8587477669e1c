/**
 * `$bucket`: `{ groupBy, boundaries, default?, output? }`. Buckets are `[boundary[i], boundary[i+1])`;
 * values outside go to `default` (required if any exist). Empty buckets are not output.
 */
import { isPlainObject } from '../../values/bson.js'
import { compareValues } from '../../values/compare.js'
import { typeRank } from '../../values/type-order.js'
import { QueryError } from '../../errors/index.js'
import { compileExpression } from '../expressions/compile.js'
import type { Doc } from '../types.js'
import { blockingStage } from './batches.js'
import { badStage } from './errors.js'
import { Grouper, compileGroupFields } from './grouping.js'
import type { StageCompiler } from './types.js'

/** Compiles `$bucket`. */
export const bucket: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec)) throw badStage(name, 'requires an object specification')
  for (const key of Object.keys(spec)) {
    if (!['groupBy', 'boundaries', 'default', 'output'].includes(key))
      throw badStage(name, `unknown argument "${key}"`)
  }
  const { boundaries } = spec
  if (!Array.isArray(boundaries) || boundaries.length < 2)
    throw badStage(name, "'boundaries' needs at least two values")
  for (let i = 1; i < boundaries.length; i++) {
    if (typeRank(boundaries[i]) !== typeRank(boundaries[0]))
      throw badStage(name, "'boundaries' must all have the same type")
    if (compareValues(boundaries[i - 1], boundaries[i]) >= 0)
      throw badStage(name, "'boundaries' must be sorted ascending")
  }
  const hasDefault = 'default' in spec
  if (
    hasDefault &&
    compareValues(spec.default, boundaries[0]) >= 0 &&
    compareValues(spec.default, boundaries[boundaries.length - 1]) < 0
  ) {
    throw badStage(
      name,
      "'default' must be less than the lowest or not less than the highest boundary"
    )
  }
  const { groupBy, fields } = compileBucketOutput(name, spec)
  return blockingStage(name, (docs, rt) => {
    const grouper = new Grouper(fields)
    const buckets = new Map<number, unknown>()
    for (const doc of docs) {
      const v = groupBy(doc, rt.vars)
      let lo = 0
      let hi = boundaries.length - 1
      if (compareValues(v, boundaries[0]) < 0 || compareValues(v, boundaries[hi]) >= 0) {
        if (!hasDefault) {
          throw new QueryError(
            'BAD_VALUE',
            `${name}: a value falls outside the boundaries and no 'default' is given`
          )
        }
        buckets.set(-1, spec.default)
        grouper.add(spec.default, doc, rt.vars)
        continue
      }
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1
        if (compareValues(v, boundaries[mid]) < 0) hi = mid
        else lo = mid
      }
      buckets.set(lo, boundaries[lo])
      grouper.add(boundaries[lo], doc, rt.vars)
    }
    const order = [...buckets.keys()].sort((a, b) => (a === -1 ? 1 : b === -1 ? -1 : a - b))
    const groups = new Map([...grouper.groups()].map((g) => [g.id, g]))
    const out: Doc[] = []
    for (const key of order) {
      const group = groups.get(buckets.get(key))
      if (group) out.push(grouper.output(group))
    }
    return out
  })
}

/** The `groupBy` expression and `output` accumulators shared by `$bucket` and `$bucketAuto`. */
export function compileBucketOutput(
  name: string,
  spec: Record<string, unknown>
): {
  groupBy: ReturnType<typeof compileExpression>
  fields: ReturnType<typeof compileGroupFields>
} {
  if (!('groupBy' in spec)) throw badStage(name, "'groupBy' is required")
  const groupBy = compileExpression(spec.groupBy)
  if (spec.output !== undefined && !isPlainObject(spec.output))
    throw badStage(name, "'output' must be an object")
  const fields = compileGroupFields(
    name,
    (spec.output as Record<string, unknown>) ?? { count: { $sum: 1 } },
    '_id'
  )
  return { groupBy, fields }
}
