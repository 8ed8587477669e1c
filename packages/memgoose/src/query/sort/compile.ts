/**
 * compileSort: a comparator in MongoDB order. A path naming several values (arrays, arrays of
 * subdocuments) sorts by the smallest of them ascending and the largest descending; an empty array
 * sorts before null and missing. Keys are found by an allocation-free walk on each comparison.
 */
import { compareValues } from '../../values/compare.js'
import { splitPath } from '../../values/paths.js'
import { fieldOf, indexOfPart, isTraversable } from '../filter/walk.js'
import { normalizeSort } from './normalize.js'
import type { SortDirection, SortSpec } from './normalize.js'

/** A sort comparator over documents. */
export type DocumentComparator = (a: unknown, b: unknown) => number

const NONE = Symbol('none')
/** Stands for an empty leaf array, which sorts below null. */
const EMPTY_ARRAY = Symbol('empty array')

function compareKeys(a: unknown, b: unknown): number {
  if (a === EMPTY_ARRAY) return b === EMPTY_ARRAY ? 0 : -1
  if (b === EMPTY_ARRAY) return 1
  return compareValues(a, b)
}

function better(best: unknown, candidate: unknown, dir: SortDirection): unknown {
  if (best === NONE) return candidate
  return compareKeys(candidate, best) * dir > 0 ? best : candidate
}

function keyAt(cur: unknown, parts: readonly string[], i: number, dir: SortDirection): unknown {
  for (;;) {
    if (i === parts.length) {
      if (!Array.isArray(cur)) return cur
      if (cur.length === 0) return EMPTY_ARRAY
      let best: unknown = NONE
      for (let k = 0; k < cur.length; k++) best = better(best, cur[k], dir)
      return best
    }
    if (Array.isArray(cur)) {
      const index = indexOfPart(parts[i])
      if (index >= 0) {
        cur = cur[index]
        i++
        continue
      }
      let best: unknown = NONE
      for (let k = 0; k < cur.length; k++) {
        if (isTraversable(cur[k])) best = better(best, keyAt(cur[k], parts, i, dir), dir)
      }
      return best === NONE ? undefined : best
    }
    if (!isTraversable(cur)) return undefined
    cur = fieldOf(cur, parts[i])
    i++
  }
}

/**
 * The value a document sorts by on `path` in direction `dir` (undefined for missing). Exposed so
 * callers sorting large sets can compute keys once per document.
 */
export function sortKeyOf(doc: unknown, path: string, dir: SortDirection): unknown {
  return keyAt(doc, splitPath(path), 0, dir)
}

/** Compares two keys returned by sortKeyOf, ascending. */
export function compareSortKeys(a: unknown, b: unknown): number {
  return compareKeys(a, b)
}

/**
 * Compiles a sort specification (any form normalizeSort accepts) into a comparator for
 * `Array.prototype.sort` (which is stable, so ties keep their input order).
 */
export function compileSort(sort: SortSpec): DocumentComparator {
  const keys = normalizeSort(sort).map(([path, dir]) => ({
    parts: splitPath(path),
    dir,
    top: path.includes('.') ? undefined : path,
  }))
  if (keys.length === 0) return () => 0
  return (a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const { parts, dir, top } = keys[k]
      let c: number
      if (top !== undefined) {
        // A top-level field holding no array is its own key: skip the walk.
        const va = fieldOf(a as Record<string, unknown>, top)
        const vb = fieldOf(b as Record<string, unknown>, top)
        c =
          Array.isArray(va) || Array.isArray(vb)
            ? compareKeys(keyAt(a, parts, 0, dir), keyAt(b, parts, 0, dir))
            : compareValues(va, vb)
      } else c = compareKeys(keyAt(a, parts, 0, dir), keyAt(b, parts, 0, dir))
      if (c !== 0) return c * dir
    }
    return 0
  }
}

/**
 * Sorts `docs` in place by `sort` and returns it. Computes each document's sort keys once (rather
 * than on every comparison), which pays off on large sets; the order is the same as with
 * `docs.sort(compileSort(sort))`, ties included (the sort is stable).
 */
export function sortDocuments<T>(docs: T[], sort: SortSpec): T[] {
  const keys = normalizeSort(sort).map(([path, dir]) => ({ parts: splitPath(path), dir }))
  if (keys.length === 0 || docs.length < 2) return docs
  const width = keys.length
  const table = new Array<unknown>(docs.length * width)
  for (let i = 0; i < docs.length; i++) {
    for (let k = 0; k < width; k++)
      table[i * width + k] = keyAt(docs[i], keys[k].parts, 0, keys[k].dir)
  }
  const order = Array.from({ length: docs.length }, (_, i) => i)
  order.sort((x, y) => {
    for (let k = 0; k < width; k++) {
      const c = compareKeys(table[x * width + k], table[y * width + k])
      if (c !== 0) return c * keys[k].dir
    }
    return 0
  })
  const copy = docs.slice()
  for (let i = 0; i < order.length; i++) docs[i] = copy[order[i]]
  return docs
}
