/**
 * Copy-on-write writes into documents by dot path (no array traversal), used by `$unwind`,
 * `$setWindowFields`, `$densify` and `$fill`: the input document is never mutated.
 */
import { splitPath } from '../values/paths.js'
import { isTraversable } from './expressions/field-path.js'
import type { Doc } from './types.js'

/** Reads a dot path without array traversal (non-objects on the way give undefined). */
export function getField(doc: unknown, parts: readonly string[]): unknown {
  let cur = doc
  for (const part of parts) {
    if (!isTraversable(cur)) return undefined
    const v = cur[part]
    cur = typeof v === 'function' ? undefined : v
  }
  return cur
}

/** A copy of `doc` with `parts` set to `value` (or removed when value is undefined). */
export function withField(doc: Doc, parts: readonly string[], value: unknown, i = 0): Doc {
  const out: Doc = { ...doc }
  const key = parts[i]
  if (i === parts.length - 1) {
    if (value === undefined) delete out[key]
    else out[key] = value
    return out
  }
  const child = out[key]
  out[key] = withField(isTraversable(child) ? child : {}, parts, value, i + 1)
  return out
}

/** Splits and validates a field path given with or without its leading `$`. */
export function fieldParts(path: string): readonly string[] {
  return splitPath(path.startsWith('$') ? path.slice(1) : path)
}
