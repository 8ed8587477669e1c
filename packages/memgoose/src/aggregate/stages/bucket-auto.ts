/**
 * `$bucketAuto`: `{ groupBy, buckets, output?, granularity? }`. Sorts by the group value and cuts
 * it into about equal buckets, never splitting equal values; with a granularity the boundaries are
 * rounded to the preferred-number series.
 */
import { compileBucketOutput } from './bucket.js'
import { isPlainObject } from '../../values/bson.js'
import { compareValues, valuesEqual } from '../../values/compare.js'
import { QueryError } from '../../errors/index.js'
import { isNumeric } from '../expressions/helpers.js'
import type { Doc } from '../types.js'
import { blockingStage } from './batches.js'
import { badStage } from './errors.js'
import { rounderFor } from './granularity.js'
import { Grouper } from './grouping.js'
import type { StageCompiler } from './types.js'

/** Compiles `$bucketAuto`. */
export const bucketAuto: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec)) throw badStage(name, 'requires an object specification')
  for (const key of Object.keys(spec)) {
    if (!['groupBy', 'buckets', 'output', 'granularity'].includes(key))
      throw badStage(name, `unknown argument "${key}"`)
  }
  const count = spec.buckets
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw badStage(name, "'buckets' must be a positive integer")
  }
  const rounder = spec.granularity === undefined ? undefined : rounderFor(name, spec.granularity)
  const { groupBy, fields } = compileBucketOutput(name, spec)
  return blockingStage(name, (docs, rt) => {
    const keyed = docs.map((doc) => {
      const v = groupBy(doc, rt.vars)
      if (rounder && (!isNumeric(v) || (v as number) < 0)) {
        throw new QueryError(
          'BAD_VALUE',
          `${name}: with a granularity every groupBy value must be a non-negative number`
        )
      }
      return { v: v === undefined ? null : v, doc }
    })
    keyed.sort((a, b) => compareValues(a.v, b.v))
    const size = Math.max(1, Math.round(keyed.length / count))
    const ranges: { start: number; end: number; min: unknown; max: unknown }[] = []
    let i = 0
    while (i < keyed.length) {
      const last = ranges.length === count - 1
      let end = last ? keyed.length : Math.min(keyed.length, i + size)
      while (end < keyed.length && valuesEqual(keyed[end].v, keyed[end - 1].v)) end++
      let max: unknown = end < keyed.length ? keyed[end].v : keyed[end - 1].v
      if (rounder) {
        max = rounder.roundUp(keyed[end - 1].v as number)
        while (end < keyed.length && (keyed[end].v as number) < (max as number)) end++
      }
      ranges.push({ start: i, end, min: keyed[i].v, max })
      i = end
    }
    if (rounder && ranges.length > 0) {
      ranges[0].min = rounder.roundDown(ranges[0].min as number)
      for (let k = 1; k < ranges.length; k++) ranges[k].min = ranges[k - 1].max
    }
    const out: Doc[] = []
    for (const range of ranges) {
      const grouper = new Grouper(fields)
      for (let k = range.start; k < range.end; k++) grouper.add(null, keyed[k].doc, rt.vars)
      for (const g of grouper.groups())
        out.push(grouper.output(g, { min: range.min, max: range.max }))
    }
    return out
  })
}
