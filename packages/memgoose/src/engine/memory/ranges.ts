/**
 * Turns the KeyRanges of a scan plan into half-open intervals over encoded keys.
 *
 * Bounds are tuples compared in index order (directions applied), so encodeKey with the index
 * directions maps them onto the encoded key order. A bound shorter than the index is a prefix:
 * `encodeKey(prefix)` sorts before every key extending it and `encodeKey(prefix) + KEY_PREFIX_END`
 * after them, which gives every inclusive/exclusive combination as `lo <= key < hi`.
 */
import { KEY_PREFIX_END, encodeKey } from '../../values/keystring.js'
import type { KeyRange } from '../contract.js'
import { mapKeyOf, mapKeyOfEncoded } from '../map-keys.js'

/** `lo <= key < hi`; `exact` is set when the range is one complete key (an equality lookup). */
export interface KeyInterval {
  lo: string
  hi: string
  exact: string | undefined
}

/**
 * Encodes, sorts and merges `ranges` into disjoint intervals in ascending key order. No ranges at
 * all means the whole index.
 */
export function toIntervals(
  ranges: readonly KeyRange[] | undefined,
  directions: readonly (1 | -1)[]
): KeyInterval[] {
  if (ranges === undefined) return [{ lo: '', hi: KEY_PREFIX_END, exact: undefined }]
  const intervals: KeyInterval[] = []
  for (const range of ranges) {
    const lower = encodeKey(range.lower, directions)
    // Equality ranges usually share one tuple for both ends: encode it once.
    const upper = range.upper === range.lower ? lower : encodeKey(range.upper, directions)
    const lo = range.lowerInclusive ? lower : lower + KEY_PREFIX_END
    const hi = range.upperInclusive ? upper + KEY_PREFIX_END : upper
    if (lo >= hi) continue
    const exact =
      range.lowerInclusive &&
      range.upperInclusive &&
      lower === upper &&
      range.lower.length === directions.length
        ? lower
        : undefined
    intervals.push({ lo, hi, exact })
  }
  if (intervals.length < 2) return intervals
  intervals.sort((a, b) => (a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0))
  const merged: KeyInterval[] = [intervals[0]]
  for (let i = 1; i < intervals.length; i++) {
    const last = merged[merged.length - 1]
    const next = intervals[i]
    if (next.lo < last.hi) {
      if (next.hi > last.hi)
        merged[merged.length - 1] = { lo: last.lo, hi: next.hi, exact: undefined }
    } else {
      merged.push(next)
    }
  }
  return merged
}

/**
 * The one complete key that `ranges` select, when they are a single equality on every field of the
 * index (the commonest read): what toIntervals would give as its only interval's `exact`, without
 * building intervals — or its Map key (map-keys.ts) for an index keyed that way. Undefined for
 * anything else.
 */
export function exactKey(
  ranges: readonly KeyRange[] | undefined,
  directions: readonly (1 | -1)[],
  mapKeys = false
): string | undefined {
  if (ranges === undefined || ranges.length !== 1) return undefined
  const range = ranges[0]
  if (!range.lowerInclusive || !range.upperInclusive) return undefined
  if (range.lower.length !== directions.length) return undefined
  if (mapKeys && range.upper === range.lower) return mapKeyOf(range.lower[0])
  const key = encodeKey(range.lower, directions)
  if (range.upper !== range.lower && encodeKey(range.upper, directions) !== key) return undefined
  return mapKeys ? mapKeyOfEncoded(key) : key
}
