/**
 * The array position a filter matched, for the positional `$` update and projection operators.
 */
import { getPath, splitPath } from '../../values/paths.js'
import { compileFilter, topLevelConditionsOf } from './compile.js'
import type { TopLevelCondition } from './compile.js'
import { conditionHolds } from './predicate.js'
import type { CompiledFilter } from './types.js'

const compiledByFilter = new WeakMap<object, CompiledFilter>()

function compiledOf(filter: Record<string, unknown> | CompiledFilter): CompiledFilter {
  if (typeof filter === 'function') return filter
  let compiled = compiledByFilter.get(filter)
  if (compiled === undefined) {
    compiled = compileFilter(filter)
    compiledByFilter.set(filter, compiled)
  }
  return compiled
}

function isUnder(parts: readonly string[], prefix: readonly string[]): boolean {
  if (parts.length < prefix.length) return false
  for (let i = 0; i < prefix.length; i++) if (parts[i] !== prefix[i]) return false
  return true
}

/**
 * The conditions that can pick an element of the array at `prefix`: positive ones on the array or
 * below it, except those that judge the array as a whole (`$size`, `$exists` on the array itself).
 */
function positionalConditions(
  filter: Record<string, unknown> | CompiledFilter,
  prefix: readonly string[]
): TopLevelCondition[] {
  return topLevelConditionsOf(compiledOf(filter)).filter(
    ({ cond, parts }) =>
      isUnder(parts, prefix) &&
      cond.kind === 'leaf' &&
      !cond.negate &&
      (parts.length > prefix.length || cond.expand || cond.elementTest !== undefined)
  )
}

function holdsOnElement(entry: TopLevelCondition, el: unknown, start: number): boolean {
  const { cond, parts } = entry
  if (cond.kind === 'leaf' && cond.elementTest !== undefined && parts.length === start) {
    return cond.elementTest(el)
  }
  return conditionHolds(cond, el, parts, start)
}

/**
 * Index of the first element of the array at `arrayPath` (a plain dot path, no positions through
 * arrays) that satisfies the filter's positive top-level conditions on that array, or undefined
 * when the filter has none or no element satisfies them. When no element satisfies all of them
 * together, the first element satisfying any one is returned, as each condition may have matched a
 * different element. Accepts a filter object or a predicate from compileFilter.
 */
export function matchedArrayIndex(
  filter: Record<string, unknown> | CompiledFilter,
  doc: unknown,
  arrayPath: string
): number | undefined {
  const prefix = splitPath(arrayPath)
  const entries = positionalConditions(filter, prefix)
  if (entries.length === 0) return undefined
  const arr = getPath(doc, arrayPath)
  if (!Array.isArray(arr)) return undefined
  const start = prefix.length
  for (let k = 0; k < arr.length; k++) {
    if (entries.every((e) => holdsOnElement(e, arr[k], start))) return k
  }
  for (let k = 0; k < arr.length; k++) {
    if (entries.some((e) => holdsOnElement(e, arr[k], start))) return k
  }
  return undefined
}

/** True when the filter has a top-level condition that can pick an element of the array at `arrayPath`. */
export function hasConditionOn(
  filter: Record<string, unknown> | CompiledFilter,
  arrayPath: string
): boolean {
  return positionalConditions(filter, splitPath(arrayPath)).length > 0
}
