/**
 * What changed between a document's stored form and its current form, as dot paths: used by
 * save() to write only modified paths and by isModified()/modifiedPaths().
 */
import { isPlainObject } from '../values/bson.js'
import { valuesEqual } from '../values/compare.js'

/** Changed leaf paths: plain objects recurse, anything else (arrays included) compares whole. */
export function changedPaths(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
  prefix = ''
): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const key of Object.keys(after)) {
    seen.add(key)
    const a = before?.[key]
    const b = after[key]
    if (isPlainObject(a) && isPlainObject(b)) out.push(...changedPaths(a, b, `${prefix}${key}.`))
    else if (!deepEqual(a, b)) out.push(prefix + key)
  }
  if (before)
    for (const key of Object.keys(before))
      if (!seen.has(key) && before[key] !== undefined) out.push(prefix + key)
  return out
}

/** Structural equality of stored values (field order ignored for objects, as mongoose's deepEqual). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false
    return true
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined)
    const kb = Object.keys(b).filter((k) => b[k] !== undefined)
    if (ka.length !== kb.length) return false
    for (const k of ka) if (!deepEqual(a[k], b[k])) return false
    return true
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map) || !(b instanceof Map) || a.size !== b.size) return false
    for (const [k, v] of a) if (!deepEqual(v, b.get(k))) return false
    return true
  }
  if (a === undefined || b === undefined || a === null || b === null) return false
  if (typeof a !== typeof b) return false
  return valuesEqual(a, b)
}
