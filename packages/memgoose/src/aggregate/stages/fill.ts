/**
 * `$fill`: `{ partitionBy? | partitionByFields?, sortBy?, output: { field: { value } | { method } } }`
 * replaces null and missing values with an expression, the last seen value (`locf`) or a linear
 * interpolation between neighbours along the single sortBy field (`linear`).
 */
import { isPlainObject } from '../../values/bson.js'
import { toNumber } from '../../values/compare.js'
import { compileExpression } from '../expressions/compile.js'
import { isNumeric } from '../expressions/helpers.js'
import type { Evaluate } from '../expressions/types.js'
import { fieldParts, getField, withField } from '../doc-path.js'
import { groupKey } from '../group-key.js'
import type { Doc } from '../types.js'
import { blockingStage } from './batches.js'
import { badStage } from './errors.js'
import { partitionByFields } from './partitions.js'
import { compileKeyedSort } from './sort.js'
import type { StageCompiler } from './types.js'

type Filler = { parts: readonly string[]; value?: Evaluate; method?: 'locf' | 'linear' }

const isNull = (v: unknown) => v === null || v === undefined

/** Compiles `$fill`. */
export const fill: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec) || !isPlainObject(spec.output))
    throw badStage(name, "requires an 'output' object")
  for (const key of Object.keys(spec)) {
    if (!['partitionBy', 'partitionByFields', 'sortBy', 'output'].includes(key))
      throw badStage(name, `unknown argument "${key}"`)
  }
  if (spec.partitionBy !== undefined && spec.partitionByFields !== undefined) {
    throw badStage(name, "use either 'partitionBy' or 'partitionByFields'")
  }
  const partitionBy =
    spec.partitionBy === undefined ? undefined : compileExpression(spec.partitionBy)
  const fields = (spec.partitionByFields ?? []) as string[]
  const sorter = spec.sortBy === undefined ? undefined : compileKeyedSort(name, spec.sortBy)
  const fillers: Filler[] = Object.entries(spec.output).map(([field, def]) => {
    if (!isPlainObject(def) || Object.keys(def).length !== 1)
      throw badStage(name, `"${field}" needs { value } or { method }`)
    if ('value' in def) return { parts: fieldParts(field), value: compileExpression(def.value) }
    if (def.method !== 'locf' && def.method !== 'linear')
      throw badStage(name, `unknown fill method ${String(def.method)}`)
    if (!sorter) throw badStage(name, `the ${def.method} method requires sortBy`)
    if (def.method === 'linear' && sorter.keys.length !== 1)
      throw badStage(name, 'linear fill needs exactly one sortBy field')
    return { parts: fieldParts(field), method: def.method }
  })
  return blockingStage(name, (docs, rt) => {
    let partitions: Doc[][]
    if (partitionBy) {
      const map = new Map<unknown, Doc[]>()
      for (const doc of docs) {
        const key = groupKey(partitionBy(doc, rt.vars))
        const list = map.get(key)
        if (list) list.push(doc)
        else map.set(key, [doc])
      }
      partitions = [...map.values()]
    } else partitions = partitionByFields(docs, fields)
    const out: Doc[] = []
    for (const partition of partitions) {
      const keyed = sorter
        ? partition.map(sorter.keyOf).sort(sorter.compare)
        : partition.map((doc) => ({ doc, keys: [] }))
      const rows = keyed.map((k) => k.doc)
      for (const f of fillers) {
        if (f.value) {
          for (let i = 0; i < rows.length; i++) {
            if (isNull(getField(rows[i], f.parts)))
              rows[i] = withField(rows[i], f.parts, f.value(rows[i], rt.vars))
          }
        } else if (f.method === 'locf') {
          let last: unknown = undefined
          for (let i = 0; i < rows.length; i++) {
            const v = getField(rows[i], f.parts)
            if (!isNull(v)) last = v
            else if (last !== undefined) rows[i] = withField(rows[i], f.parts, last)
          }
        } else {
          const pos = keyed.map((k) => {
            const v = k.keys[0]
            return v instanceof Date ? v.getTime() : isNumeric(v) ? toNumber(v) : Number.NaN
          })
          let prev = -1
          for (let i = 0; i < rows.length; i++) {
            const v = getField(rows[i], f.parts)
            if (isNull(v)) continue
            if (prev >= 0 && i - prev > 1) {
              const a = toNumber(getField(rows[prev], f.parts))
              const b = toNumber(v)
              for (let k = prev + 1; k < i; k++) {
                const t = (pos[k] - pos[prev]) / (pos[i] - pos[prev])
                rows[k] = withField(rows[k], f.parts, a + (b - a) * t)
              }
            }
            prev = i
          }
        }
      }
      for (const row of rows) out.push(row)
    }
    return out
  })
}
