/**
 * Key ranges over one index from per-path bounds: equality/`$in` points on a prefix of the key
 * fields (their cartesian product), then optionally one interval on the next field. Fields after
 * that are unbounded (a prefix range covers them).
 */
import type { IndexInfo, KeyRange } from '../engine/contract.js'
import { boundsOf } from './conditions.js'

/** Cartesian products larger than this stop adding point fields (the scan stays correct, only wider). */
const MAX_RANGES = 1000

/** How an index can serve a filter. */
export interface IndexBounds {
  readonly ranges: readonly KeyRange[]
  /** Leading key fields with bounds. */
  readonly fields: number
  /** How the first field is bounded. */
  readonly kind: 'eq' | 'in' | 'range'
  /** Every key field is bound to a single value: at most one key matches. */
  readonly exact: boolean
  /**
   * Bit `i` set when key field `i` is bound to exactly one value (it can be skipped when matching
   * a sort); fields past 30 are never marked.
   */
  readonly singlePoint: number
  /** Some bound includes null (so documents missing a field must be in the index). */
  readonly includesNull: boolean
}

/** The bounds `conditions` give on `index`, or undefined when its first field is unbounded. */
export function indexBounds(
  index: IndexInfo,
  conditions: ReadonlyMap<string, unknown[]>
): IndexBounds | undefined {
  if (!conditions.has(index.key[0][0])) return undefined
  let prefixes: unknown[][] = [[]]
  let singlePoint = 0
  let kind: IndexBounds['kind'] | undefined
  let includesNull = false
  for (let i = 0; i < index.key.length; i++) {
    const [path, direction] = index.key[i]
    const bounds = boundsOf(conditions.get(path), index.multikey)
    if (bounds === undefined) break
    if (bounds.kind === 'points') {
      const values = bounds.values
      if (i > 0 && prefixes.length * values.length > MAX_RANGES) break
      kind ??= values.length === 1 ? 'eq' : 'in'
      if (values.length === 1 && i <= 30) singlePoint |= 1 << i
      if (values.some((v) => v === null)) includesNull = true
      const next: unknown[][] = []
      for (const prefix of prefixes) for (const value of values) next.push([...prefix, value])
      prefixes = next
      continue
    }
    kind ??= 'range'
    // Bounds are in index order: a descending field walks from its upper value to its lower one.
    const [first, firstInclusive, last, lastInclusive] =
      direction === 1
        ? [bounds.lower, bounds.lowerInclusive, bounds.upper, bounds.upperInclusive]
        : [bounds.upper, bounds.upperInclusive, bounds.lower, bounds.lowerInclusive]
    const ranges = prefixes.map((prefix) => ({
      lower: [...prefix, first],
      lowerInclusive: firstInclusive,
      upper: [...prefix, last],
      upperInclusive: lastInclusive,
    }))
    return { ranges, fields: i + 1, kind, exact: false, singlePoint, includesNull }
  }
  if (kind === undefined) return undefined
  const fields = prefixes.length === 0 ? index.key.length : prefixes[0].length
  const ranges = prefixes.map((prefix) => ({
    lower: prefix,
    lowerInclusive: true,
    upper: prefix,
    upperInclusive: true,
  }))
  const exact = prefixes.length === 1 && fields === index.key.length
  return { ranges, fields, kind, exact, singlePoint, includesNull }
}
