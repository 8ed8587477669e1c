/**
 * Window bounds of `$setWindowFields`: `documents: [lo, hi]` (positions relative to the current
 * document) and `range: [lo, hi]` (values relative to the single sortBy field, with `unit` for dates).
 * Bounds are `'unbounded'`, `'current'` or a number.
 */
import { QueryError } from '../../errors/index.js'
import { isPlainObject } from '../../values/bson.js'
import { toNumber } from '../../values/compare.js'
import { isNumeric } from '../expressions/helpers.js'
import { addUnits, asUnit, type Unit } from '../expressions/date/units.js'
import { UTC } from '../expressions/date/timezone.js'

/** A resolved window. */
export type WindowSpec =
  | { kind: 'all' }
  | { kind: 'documents'; lo: number; hi: number }
  | { kind: 'range'; lo: number; hi: number; unit: Unit | undefined }

function bound(stage: string, value: unknown, isLow: boolean): number {
  if (value === 'unbounded') return isLow ? -Infinity : Infinity
  if (value === 'current') return 0
  if (typeof value === 'number' && Number.isFinite(value)) return value
  throw new QueryError(
    'BAD_STAGE',
    `${stage}: window bounds must be 'unbounded', 'current' or a number`
  )
}

/** Parses a `window` option (absent means the whole partition). */
export function parseWindow(stage: string, window: unknown): WindowSpec {
  if (window === undefined) return { kind: 'all' }
  if (!isPlainObject(window))
    throw new QueryError('BAD_STAGE', `${stage}: 'window' must be an object`)
  const docs = window.documents
  const range = window.range
  if ((docs === undefined) === (range === undefined)) {
    throw new QueryError(
      'BAD_STAGE',
      `${stage}: a window needs exactly one of 'documents' or 'range'`
    )
  }
  const pair = (docs ?? range) as unknown
  if (!Array.isArray(pair) || pair.length !== 2) {
    throw new QueryError('BAD_STAGE', `${stage}: window bounds must be a [lower, upper] pair`)
  }
  const lo = bound(stage, pair[0], true)
  const hi = bound(stage, pair[1], false)
  if (lo > hi)
    throw new QueryError('BAD_STAGE', `${stage}: the lower window bound must not exceed the upper`)
  if (docs !== undefined) {
    for (const b of [lo, hi]) {
      if (Number.isFinite(b) && !Number.isInteger(b)) {
        throw new QueryError('BAD_STAGE', `${stage}: document bounds must be integers`)
      }
    }
    return { kind: 'documents', lo, hi }
  }
  return {
    kind: 'range',
    lo,
    hi,
    unit: window.unit === undefined ? undefined : asUnit(stage, window.unit),
  }
}

/** The `[start, end)` positions of the window around position `i`. */
export function windowAt(w: WindowSpec, i: number, keys: unknown[]): [number, number] {
  const n = keys.length
  if (w.kind === 'all') return [0, n]
  if (w.kind === 'documents') {
    return [
      Math.max(0, w.lo === -Infinity ? 0 : i + w.lo),
      Math.min(n, w.hi === Infinity ? n : i + w.hi + 1),
    ]
  }
  const at = keys[i]
  const shift = (delta: number): number => {
    if (!Number.isFinite(delta)) return delta
    if (at instanceof Date) {
      if (!w.unit)
        throw new QueryError(
          'BAD_STAGE',
          '$setWindowFields: a range window over dates needs a unit'
        )
      return addUnits(at.getTime(), w.unit, delta, UTC)
    }
    return toNumber(at) + delta
  }
  const lo = shift(w.lo)
  const hi = shift(w.hi)
  const value = (k: number) => {
    const v = keys[k]
    return v instanceof Date ? v.getTime() : isNumeric(v) ? toNumber(v) : Number.NaN
  }
  let start = 0
  while (start < n && !(value(start) >= lo)) start++
  let end = start
  while (end < n && value(end) <= hi) end++
  return [start, end]
}
