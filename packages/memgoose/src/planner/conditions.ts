/**
 * Reads index bounds out of a cast filter: the conditions on each path (top level and `$and`
 * members), turned into point sets (equality, `$in`) or one interval per path, bracketed by type as
 * MongoDB compares (`{ $gt: 5 }` covers numbers above 5 only). Anything else is left to the
 * residual predicate: ignoring a condition only widens the scan.
 */
import { MaxKey, ObjectId, isPlainObject } from '../values/bson.js'
import { compareValues, toNumber, valuesEqual } from '../values/compare.js'
import { TypeRank, typeRank } from '../values/type-order.js'

/** Bounds of one path: a sorted, distinct set of points, or one interval. */
export type FieldBounds =
  | { readonly kind: 'points'; readonly values: readonly unknown[] }
  | {
      readonly kind: 'range'
      readonly lower: unknown
      readonly lowerInclusive: boolean
      readonly upper: unknown
      readonly upperInclusive: boolean
    }

/** The raw conditions on each path (`{ age: { $gt: 5 } }` → `'age' → [{ $gt: 5 }]`). */
export function collectConditions(filter: Record<string, unknown>): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>()
  const visit = (node: Record<string, unknown>): void => {
    for (const key of Object.keys(node)) {
      const cond = node[key]
      if (key === '$and' && Array.isArray(cond)) {
        for (const member of cond) if (isPlainObject(member)) visit(member)
      } else if (!key.startsWith('$')) {
        const list = out.get(key)
        if (list === undefined) out.set(key, [cond])
        else list.push(cond)
      }
    }
  }
  visit(filter)
  return out
}

type Atom =
  | { readonly type: 'points'; readonly values: readonly unknown[] }
  | { readonly type: 'lower'; readonly value: unknown; readonly inclusive: boolean }
  | { readonly type: 'upper'; readonly value: unknown; readonly inclusive: boolean }

/**
 * The bounds implied by every condition on one path, or undefined when none can use an index.
 * On a multikey index different conditions may be met by different array elements, so only one
 * condition is used instead of their intersection.
 */
export function boundsOf(
  conds: readonly unknown[] | undefined,
  multikey: boolean
): FieldBounds | undefined {
  if (conds === undefined) return undefined
  if (conds.length === 1 && !isOperatorObject(conds[0])) {
    // The common `{ field: value }`: one point, no intersection to compute.
    const value = conds[0]
    return isPoint(value) ? { kind: 'points', values: [value ?? null] } : undefined
  }
  const atoms: Atom[] = []
  for (const cond of conds) atomsOf(cond, atoms)
  if (atoms.length === 0) return undefined
  if (multikey) {
    const points = atoms.find((a) => a.type === 'points')
    return toBounds(points === undefined ? [atoms[0]] : [points])
  }
  return toBounds(atoms)
}

function atomsOf(cond: unknown, atoms: Atom[]): void {
  if (isOperatorObject(cond)) {
    for (const op of Object.keys(cond)) {
      const arg = cond[op]
      switch (op) {
        case '$eq':
          if (isPoint(arg)) atoms.push({ type: 'points', values: [arg ?? null] })
          break
        case '$in':
          if (Array.isArray(arg) && arg.every(isPoint)) {
            atoms.push({ type: 'points', values: arg.map((v) => v ?? null) })
          }
          break
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte':
          rangeAtom(op, arg, atoms)
          break
      }
    }
    return
  }
  if (isPoint(cond)) atoms.push({ type: 'points', values: [cond ?? null] })
}

function rangeAtom(op: string, value: unknown, atoms: Atom[]): void {
  const inclusive = op === '$gte' || op === '$lte'
  const rank = typeRank(value)
  if (rank === TypeRank.Null) {
    // { $gte: null } and { $lte: null } match exactly null/missing; { $gt/$lt: null } nothing.
    if (inclusive) atoms.push({ type: 'points', values: [null] })
    return
  }
  if (!isRangeValue(value)) return
  atoms.push({ type: op === '$gt' || op === '$gte' ? 'lower' : 'upper', value, inclusive })
}

function toBounds(atoms: readonly Atom[]): FieldBounds {
  let points: unknown[] | undefined
  let lower: { value: unknown; inclusive: boolean } | undefined
  let upper: { value: unknown; inclusive: boolean } | undefined
  for (const atom of atoms) {
    if (atom.type === 'points') {
      const values = distinctSorted(atom.values)
      points =
        points === undefined ? values : points.filter((p) => values.some((v) => valuesEqual(p, v)))
    } else if (atom.type === 'lower') {
      if (lower === undefined || tighterLower(atom, lower)) lower = atom
    } else if (upper === undefined || tighterUpper(atom, upper)) {
      upper = atom
    }
  }
  if (
    lower !== undefined &&
    upper !== undefined &&
    typeRank(lower.value) !== typeRank(upper.value)
  ) {
    return { kind: 'points', values: [] }
  }
  const lo = lower ?? { value: bracketStart(typeRank(upper?.value)), inclusive: true }
  const hi = upper ?? { value: bracketEnd(typeRank(lower?.value)), inclusive: false }
  if (points !== undefined) {
    if (lower === undefined && upper === undefined) return { kind: 'points', values: points }
    return { kind: 'points', values: points.filter((p) => within(p, lo, hi)) }
  }
  const c = compareValues(lo.value, hi.value)
  if (c > 0 || (c === 0 && !(lo.inclusive && hi.inclusive))) return { kind: 'points', values: [] }
  return {
    kind: 'range',
    lower: lo.value,
    lowerInclusive: lo.inclusive,
    upper: hi.value,
    upperInclusive: hi.inclusive,
  }
}

function within(
  value: unknown,
  lo: { value: unknown; inclusive: boolean },
  hi: { value: unknown; inclusive: boolean }
): boolean {
  const a = compareValues(value, lo.value)
  const b = compareValues(value, hi.value)
  return (a > 0 || (a === 0 && lo.inclusive)) && (b < 0 || (b === 0 && hi.inclusive))
}

function tighterLower(
  a: { value: unknown; inclusive: boolean },
  b: { value: unknown; inclusive: boolean }
): boolean {
  const c = compareValues(a.value, b.value)
  return c > 0 || (c === 0 && !a.inclusive)
}

function tighterUpper(
  a: { value: unknown; inclusive: boolean },
  b: { value: unknown; inclusive: boolean }
): boolean {
  const c = compareValues(a.value, b.value)
  return c < 0 || (c === 0 && !a.inclusive)
}

function distinctSorted(values: readonly unknown[]): unknown[] {
  if (values.length < 2) return values as unknown[]
  const sorted = [...values].sort(compareValues)
  return sorted.filter((v, i) => i === 0 || compareValues(sorted[i - 1], v) !== 0)
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every((k) => k.startsWith('$'))
}

/**
 * A value an equality can look up directly in an index. Arrays (which also match as a whole) and
 * regular expressions (which match as patterns) are left to the residual predicate.
 */
function isPoint(value: unknown): boolean {
  if (value === undefined || value === null) return true
  if (Array.isArray(value) || value instanceof RegExp) return false
  const rank = typeRank(value)
  if (rank === TypeRank.MinKey || rank === TypeRank.MaxKey) return false
  return !isPlainObject(value) || !Object.keys(value).some((k) => k.startsWith('$'))
}

function isRangeValue(value: unknown): boolean {
  if (Array.isArray(value) || value instanceof RegExp) return false
  const rank = typeRank(value)
  if (rank === TypeRank.MinKey || rank === TypeRank.MaxKey) return false
  if (rank === TypeRank.Number && Number.isNaN(toNumber(value))) return false
  return true
}

/** The smallest value of a type bracket (or a value below it: a wider scan is still correct). */
function bracketStart(rank: number): unknown {
  switch (rank) {
    case TypeRank.Number:
      return -Infinity
    case TypeRank.String:
      return ''
    case TypeRank.Object:
      return {}
    case TypeRank.Array:
      return []
    case TypeRank.Binary:
      return Buffer.alloc(0)
    case TypeRank.ObjectId:
      return new ObjectId('000000000000000000000000')
    case TypeRank.Boolean:
      return false
    case TypeRank.Date:
      return new Date(Number.NaN)
    default:
      return null
  }
}

/**
 * The start of the next type bracket: an exclusive upper bound for `rank`. Dates and later brackets
 * run to MaxKey (bson's Timestamp is a Long subclass, so no Timestamp value can mark a boundary).
 */
function bracketEnd(rank: number): unknown {
  return rank >= TypeRank.Date ? new MaxKey() : bracketStart(rank + 1)
}
