/**
 * Field paths in expressions (`'$a.b'`). Unlike queries, numeric parts are field names, never array
 * positions, and an array on the way maps the rest of the path over its elements (skipping elements
 * where it is missing, keeping nested arrays as arrays), as MongoDB's ExpressionFieldPath does.
 */
import { splitPath } from '../../values/paths.js'
import type { Doc } from '../types.js'

/** True for a value whose fields a path can step into (plain objects, not Dates or bson values). */
export function isTraversable(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Own field of a plain object; inherited members (functions on Object.prototype) read as missing. */
function field(obj: Record<string, unknown>, key: string): unknown {
  const v = obj[key]
  return typeof v === 'function' ? undefined : v
}

/** Resolves the parts of a path from `start` on, mapping over arrays met on the way. */
export function resolveParts(value: unknown, parts: readonly string[], start: number): unknown {
  let cur = value
  for (let i = start; i < parts.length; i++) {
    if (Array.isArray(cur)) return resolveArray(cur, parts, i)
    if (!isTraversable(cur)) return undefined
    cur = field(cur, parts[i])
  }
  return cur
}

function resolveArray(arr: unknown[], parts: readonly string[], i: number): unknown[] {
  const out: unknown[] = []
  for (const el of arr) {
    if (Array.isArray(el)) out.push(resolveArray(el, parts, i))
    else if (isTraversable(el)) {
      const v = resolveParts(field(el, parts[i]), parts, i + 1)
      if (v !== undefined) out.push(v)
    }
  }
  return out
}

/** Compiles a dot path (without the `$`) into a reader; one-part paths get a direct field read. */
export function compilePath(path: string): (doc: unknown) => unknown {
  const parts = splitPath(path)
  if (parts.length === 1) {
    const key = parts[0]
    // `doc` is the current document (always a plain object), so a cheap object check suffices.
    return (doc) => {
      if (typeof doc !== 'object' || doc === null) return undefined
      const v = (doc as Record<string, unknown>)[key]
      return typeof v === 'function' ? undefined : v
    }
  }
  if (parts.length === 2) {
    const [k0, k1] = parts
    // The hot shape of `$profile.score`: reads written out so they inline into the caller.
    return (doc) => {
      if (typeof doc !== 'object' || doc === null) return undefined
      const v = (doc as Record<string, unknown>)[k0]
      if (typeof v !== 'object' || v === null) return undefined
      const proto = Object.getPrototypeOf(v)
      if (proto === Object.prototype || proto === null) {
        const w = (v as Record<string, unknown>)[k1]
        return typeof w === 'function' ? undefined : w
      }
      return Array.isArray(v) ? resolveArray(v, parts, 1) : undefined
    }
  }
  return (doc) => resolveParts(doc, parts, 0)
}

/** Reads a dot path of a document with expression semantics (arrays mapped). */
export function readPath(doc: Doc, path: string): unknown {
  return resolveParts(doc, splitPath(path), 0)
}
