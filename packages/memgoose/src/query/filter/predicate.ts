/**
 * Turns the conditions on one path into a document predicate. Single-component paths holding
 * anything but an array take a fast route: one property read, then the operator tests.
 */
import type { CompiledFilter, Condition, LeafCondition } from './types.js'
import { anyCandidate } from './walk.js'

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

/** The predicate for all of `conds` on the path `parts`. */
export function fieldPredicate(
  parts: readonly string[],
  conds: readonly Condition[]
): CompiledFilter {
  const general = allOf(conds.map((cond) => (doc: unknown) => conditionHolds(cond, doc, parts, 0)))
  if (parts.length !== 1 || !conds.every((c) => c.kind === 'leaf')) return general
  const key = parts[0]
  const leaves = conds as readonly LeafCondition[]
  if (leaves.length === 1) {
    const { test, negate } = leaves[0]
    return (doc) => {
      if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
        const v = (doc as Record<string, unknown>)[key]
        if (!Array.isArray(v)) return test(typeof v === 'function' ? undefined : v) !== negate
      }
      return general(doc)
    }
  }
  return (doc) => {
    if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
      let v = (doc as Record<string, unknown>)[key]
      if (!Array.isArray(v)) {
        if (typeof v === 'function') v = undefined
        for (let i = 0; i < leaves.length; i++)
          if (leaves[i].test(v) === leaves[i].negate) return false
        return true
      }
    }
    return general(doc)
  }
}
