/**
 * `$densify`: `{ field, partitionByFields?, range: { step, unit?, bounds } }` adds documents so the
 * field has a value every `step` over the bounds (`'full'`, `'partition'` or `[lo, hi)`). Generated
 * documents hold only the field and the partition fields. Output is sorted by field per partition.
 */
import { isPlainObject } from '../../values/bson.js'
import { compareValues } from '../../values/compare.js'
import { QueryError } from '../../errors/index.js'
import { addUnits, asUnit, type Unit } from '../expressions/date/units.js'
import { UTC } from '../expressions/date/timezone.js'
import { fieldParts, getField, withField } from '../doc-path.js'
import type { Doc } from '../types.js'
import { blockingStage } from './batches.js'
import { badStage } from './errors.js'
import { partitionByFields } from './partitions.js'
import type { StageCompiler } from './types.js'

type Value = number | Date

/** Compiles `$densify`. */
export const densify: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec) || typeof spec.field !== 'string' || !isPlainObject(spec.range)) {
    throw badStage(name, 'requires { field, range: { step, bounds } }')
  }
  const parts = fieldParts(spec.field)
  const partitionFields = (spec.partitionByFields ?? []) as unknown
  if (!Array.isArray(partitionFields) || !partitionFields.every((f) => typeof f === 'string')) {
    throw badStage(name, "'partitionByFields' must be an array of field names")
  }
  const partitionParts = partitionFields.map((f: string) => fieldParts(f))
  const { step, bounds } = spec.range
  if (typeof step !== 'number' || !(step > 0))
    throw badStage(name, "'step' must be a positive number")
  const unit: Unit | undefined =
    spec.range.unit === undefined ? undefined : asUnit(name, spec.range.unit)
  if (unit && !Number.isInteger(step)) throw badStage(name, "'step' must be an integer with a unit")
  if (!(
    bounds === 'full' ||
    bounds === 'partition' ||
    (Array.isArray(bounds) && bounds.length === 2)
  )) {
    throw badStage(name, "'bounds' must be 'full', 'partition' or [lower, upper]")
  }
  const next = (v: Value): Value =>
    unit ? new Date(addUnits((v as Date).getTime(), unit, step, UTC)) : (v as number) + step
  const check = (v: unknown): Value | undefined => {
    if (v === null || v === undefined) return undefined
    if (unit ? v instanceof Date : typeof v === 'number') return v as Value
    throw new QueryError(
      'TYPE_MISMATCH',
      `${name}: the field must hold ${unit ? 'dates (a unit is given)' : 'numbers'}`
    )
  }
  return blockingStage(name, (docs) => {
    let globalLo: Value | undefined
    let globalHi: Value | undefined
    for (const doc of docs) {
      const v = check(getField(doc, parts))
      if (v === undefined) continue
      if (globalLo === undefined || compareValues(v, globalLo) < 0) globalLo = v
      if (globalHi === undefined || compareValues(v, globalHi) > 0) globalHi = v
    }
    const out: Doc[] = []
    for (const partition of partitionByFields(docs, partitionFields)) {
      const valued = partition.filter((d) => check(getField(d, parts)) !== undefined)
      for (const d of partition) if (check(getField(d, parts)) === undefined) out.push(d)
      valued.sort((a, b) => compareValues(getField(a, parts), getField(b, parts)))
      let lo: Value | undefined
      let hi: Value | undefined
      let inclusiveHi = true
      if (bounds === 'full') [lo, hi] = [globalLo, globalHi]
      else if (bounds === 'partition')
        [lo, hi] = [
          check(getField(valued[0], parts)),
          check(getField(valued[valued.length - 1], parts)),
        ]
      else {
        ;[lo, hi] = [check(bounds[0]), check(bounds[1])]
        inclusiveHi = false
      }
      let withPartition: Doc = {}
      for (const p of partitionParts)
        withPartition = withField(withPartition, p, getField(partition[0], p))
      let cursor = lo
      const emitUpTo = (limit: Value | undefined, inclusive: boolean) => {
        while (cursor !== undefined && limit !== undefined) {
          const c = compareValues(cursor, limit)
          if (c > 0 || (c === 0 && !inclusive)) break
          out.push(withField(withPartition, parts, cursor))
          cursor = next(cursor)
        }
      }
      for (const doc of valued) {
        const v = check(getField(doc, parts))!
        const c = hi === undefined ? -1 : compareValues(v, hi)
        if (c < 0 || (c === 0 && inclusiveHi)) emitUpTo(v, false)
        else emitUpTo(hi, inclusiveHi)
        out.push(doc)
        while (cursor !== undefined && compareValues(cursor, v) <= 0) cursor = next(cursor)
      }
      emitUpTo(hi, inclusiveHi)
    }
    return out
  })
}
