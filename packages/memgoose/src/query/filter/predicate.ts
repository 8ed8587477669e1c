/**
 * Turns the conditions on one path into a document predicate. Paths that reach a non-array
 * value through plain objects only take a fast route: the property reads, then the operator tests.
 */
import { holdsOnValue } from './types.js'
import type { CompiledFilter, Condition } from './types.js'
import { anyCandidate, isTraversable } from './walk.js'

/** Predicate that holds when every predicate in `preds` holds. */
export function allOf(preds: readonly CompiledFilter[]): CompiledFilter {
  switch (preds.length) {
    case 0:
      return () => true
    case 1:
      return preds[0]
    case 2: {
      const [a, b] = preds
      return (doc) => a(doc) && b(doc)
    }
    case 3: {
      const [a, b, c] = preds
      return (doc) => a(doc) && b(doc) && c(doc)
    }
    default:
      return (doc) => {
        for (let i = 0; i < preds.length; i++) if (!preds[i](doc)) return false
        return true
      }
  }
}

/** Predicate that holds when some predicate in `preds` holds. */
export function anyOf(preds: readonly CompiledFilter[]): CompiledFilter {
  if (preds.length === 1) return preds[0]
  if (preds.length === 2) {
    const [a, b] = preds
    return (doc) => a(doc) || b(doc)
  }
  return (doc) => {
    for (let i = 0; i < preds.length; i++) if (preds[i](doc)) return true
    return false
  }
}

/** Whether `cond` holds for the path `parts` in `doc`, by the general (array-aware) walk. */
export function conditionHolds(
  cond: Condition,
  doc: unknown,
  parts: readonly string[],
  start: number
): boolean {
  if (cond.kind === 'leaf')
    return anyCandidate(doc, parts, start, cond.test, cond.expand) !== cond.negate
  for (const inner of cond.inner) if (!conditionHolds(inner, doc, parts, start)) return true
  return false
}

const WALK = Symbol('walk')

/**
 * The value at `parts` when it is reached through plain objects only and is not an array (the case
 * where it is the only candidate); WALK when an array is met and the general walk is needed.
 */
function plainValueAt(doc: unknown, parts: readonly string[]): unknown {
  let cur = doc
  for (let i = 0; i < parts.length; i++) {
    if (typeof cur !== 'object' || cur === null) return undefined
    if (Array.isArray(cur)) return WALK
    if (i > 0 && !isTraversable(cur)) return undefined
    cur = (cur as Record<string, unknown>)[parts[i]]
  }
  if (Array.isArray(cur)) return WALK
  return typeof cur === 'function' ? undefined : cur
}

/** The predicate for all of `conds` on the path `parts`. */
export function fieldPredicate(
  parts: readonly string[],
  conds: readonly Condition[]
): CompiledFilter {
  const general = allOf(conds.map((cond) => (doc: unknown) => conditionHolds(cond, doc, parts, 0)))
  if (conds.length === 1 && conds[0].kind === 'leaf') {
    const { test, negate } = conds[0]
    if (parts.length === 1) {
      const key = parts[0]
      return (doc) => {
        if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
          const v = (doc as Record<string, unknown>)[key]
          if (!Array.isArray(v)) return test(typeof v === 'function' ? undefined : v) !== negate
        }
        return general(doc)
      }
    }
    if (parts.length === 2) {
      const [outer, inner] = parts
      return (doc) => {
        if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
          const sub = (doc as Record<string, unknown>)[outer]
          if (isTraversable(sub)) {
            const v = sub[inner]
            if (!Array.isArray(v)) return test(typeof v === 'function' ? undefined : v) !== negate
          } else if (!Array.isArray(sub)) return test(undefined) !== negate
        }
        return general(doc)
      }
    }
    return (doc) => {
      const v = plainValueAt(doc, parts)
      return v === WALK ? general(doc) : test(v) !== negate
    }
  }
  if (
    parts.length === 1 &&
    conds.length === 2 &&
    conds[0].kind === 'leaf' &&
    conds[1].kind === 'leaf'
  ) {
    // A range such as { $gte: 20, $lt: 40 }: one read, two tests.
    const key = parts[0]
    const [low, high] = conds
    return (doc) => {
      if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
        let v = (doc as Record<string, unknown>)[key]
        if (!Array.isArray(v)) {
          if (typeof v === 'function') v = undefined
          return low.test(v) !== low.negate && high.test(v) !== high.negate
        }
      }
      return general(doc)
    }
  }
  return (doc) => {
    const v = plainValueAt(doc, parts)
    if (v === WALK) return general(doc)
    for (let i = 0; i < conds.length; i++) if (!holdsOnValue(conds[i], v)) return false
    return true
  }
}
