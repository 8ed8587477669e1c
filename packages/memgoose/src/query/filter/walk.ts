/**
 * MongoDB's array-aware path resolution. A path such as `'a.b'` names every value reachable by
 * stepping into plain objects, and into the subdocuments of any array met on the way (one level:
 * arrays nested directly in arrays are not entered for a field name). A numeric component names both
 * the array position and a field of that name in subdocuments. A path that ends on an array also
 * names each element (for the operators that expand leaf arrays) as well as the array itself.
 *
 * The walkers below visit candidates without collecting them, so a match allocates nothing.
 */

import { splitPath } from '../../values/paths.js'

/** A test of one candidate value (`undefined` stands for a missing path). */
export type ValueTest = (value: unknown) => boolean

/** True for a plain object a path may step into (not an array, Date, ObjectId, ...). */
export function isTraversable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  // The constructor read is cheap and settles the common case; stored documents never own a
  // `constructor` key (it is forbidden), so it is always the inherited one.
  if ((value as { constructor?: unknown }).constructor === Object) return true
  if (Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/**
 * Reads an own field of a plain object. Inherited members of `Object.prototype` are all functions,
 * and functions are never stored, so a function reads as missing without an own-property check.
 */
export function fieldOf(obj: Record<string, unknown>, key: string): unknown {
  const v = obj[key]
  return typeof v === 'function' ? undefined : v
}

/** The array position a path component names, or -1 when it is not a canonical array index. */
export function indexOfPart(part: string): number {
  if (part.length === 0 || part.length > 9) return -1
  if (part.length > 1 && part.charCodeAt(0) === 48) return -1
  for (let i = 0; i < part.length; i++) {
    const c = part.charCodeAt(i)
    if (c < 48 || c > 57) return -1
  }
  return Number(part)
}

/**
 * True when `test` accepts some candidate named by `parts[i..]` starting from `cur` (the value at
 * `parts[0..i)`). With `expand`, a leaf array's elements are candidates before the array itself.
 * A path that is missing yields one `undefined` candidate; a field name over an array of scalars
 * yields nothing, as in MongoDB.
 */
export function anyCandidate(
  cur: unknown,
  parts: readonly string[],
  i: number,
  test: ValueTest,
  expand: boolean
): boolean {
  for (;;) {
    if (i === parts.length) {
      if (expand && Array.isArray(cur)) {
        for (let k = 0; k < cur.length; k++) if (test(cur[k])) return true
      }
      return test(cur)
    }
    if (Array.isArray(cur)) return anyInArray(cur, parts, i, test, expand)
    if (!isTraversable(cur)) return test(undefined)
    cur = fieldOf(cur, parts[i])
    i++
  }
}

function anyInArray(
  arr: readonly unknown[],
  parts: readonly string[],
  i: number,
  test: ValueTest,
  expand: boolean
): boolean {
  const index = indexOfPart(parts[i])
  if (index >= 0) {
    // A position: subdocuments count only when they really have a field of that name, so a
    // missing field in some other element cannot match null; a position past the end is missing.
    for (let k = 0; k < arr.length; k++) {
      const el = arr[k]
      if (isTraversable(el) && fieldOf(el, parts[i]) !== undefined) {
        if (anyCandidate(el, parts, i, test, expand)) return true
      }
    }
    return index < arr.length
      ? anyCandidate(arr[index], parts, i + 1, test, expand)
      : test(undefined)
  }
  for (let k = 0; k < arr.length; k++) {
    const el = arr[k]
    if (isTraversable(el) && anyCandidate(el, parts, i, test, expand)) return true
  }
  return false
}

/**
 * Every value a path names in `doc`, as MongoDB extracts index and sort keys: leaf arrays are
 * expanded into their elements (an empty leaf array contributes itself), a numeric component over
 * an array is a position only, and a missing path contributes `undefined`.
 */
export function getValues(doc: unknown, path: string | readonly string[]): unknown[] {
  const parts = typeof path === 'string' ? splitPath(path) : path
  const out: unknown[] = []
  collect(doc, parts, 0, out)
  return out
}

function collect(cur: unknown, parts: readonly string[], i: number, out: unknown[]): void {
  for (;;) {
    if (i === parts.length) {
      if (Array.isArray(cur) && cur.length > 0) for (const el of cur) out.push(el)
      else out.push(cur)
      return
    }
    if (Array.isArray(cur)) {
      const index = indexOfPart(parts[i])
      if (index >= 0) {
        cur = cur[index]
        i++
        continue
      }
      const before = out.length
      for (const el of cur) if (isTraversable(el)) collect(el, parts, i, out)
      if (out.length === before) out.push(undefined)
      return
    }
    if (!isTraversable(cur)) {
      out.push(undefined)
      return
    }
    cur = fieldOf(cur, parts[i])
    i++
  }
}
