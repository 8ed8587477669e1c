/**
 * Dot paths (`'profile.score'`, `'tags.0'`) and the guard that keeps hostile keys out of documents.
 */
import { UnsafeInputError } from '../errors/index.js'

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const splitCache = new Map<string, readonly string[]>()

/** True for a key that could reach `Object.prototype` if used as a property name. */
export function isForbiddenKey(key: string): boolean {
  return FORBIDDEN_KEYS.has(key)
}

/** Throws a coded `UnsafeInputError` when `key` is `__proto__`, `constructor` or `prototype`. */
export function assertSafeKey(key: string, where: string): void {
  if (FORBIDDEN_KEYS.has(key)) {
    throw new UnsafeInputError('UNSAFE_KEY', `The key "${key}" is not allowed in ${where}`)
  }
}

/** Splits a dot path into its parts, memoised because the same paths recur on every document. */
export function splitPath(path: string): readonly string[] {
  let parts = splitCache.get(path)
  if (parts === undefined) {
    parts = Object.freeze(path.split('.'))
    for (const part of parts) assertSafeKey(part, `the path "${path}"`)
    if (splitCache.size > 10_000) splitCache.clear()
    splitCache.set(path, parts)
  }
  return parts
}

/**
 * Reads a dot path without array traversal (`'a.0.b'` indexes arrays by position only). Returns
 * undefined when any step is missing. Query matching uses its own array-aware walker.
 */
export function getPath(doc: unknown, path: string): unknown {
  const parts = splitPath(path)
  let cur: unknown = doc
  for (const part of parts) {
    if (cur === null || typeof cur !== 'object') return undefined
    if (cur instanceof Map) cur = cur.get(part)
    else
      cur = Object.prototype.hasOwnProperty.call(cur, part)
        ? (cur as Record<string, unknown>)[part]
        : undefined
  }
  return cur
}

/**
 * Checks a whole stored document for forbidden keys and for nesting deeper than `maxDepth`,
 * so nothing unsafe reaches an engine. Throws a coded error naming the offending path.
 */
export function assertSafeDocument(doc: unknown, maxDepth = 100): void {
  walk(doc, 0, '')
  function walk(value: unknown, depth: number, path: string): void {
    if (typeof value !== 'object' || value === null) return
    if (depth > maxDepth) {
      throw new UnsafeInputError(
        'DOCUMENT_TOO_DEEP',
        `Document nesting exceeds ${maxDepth} levels at "${path}"`
      )
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++)
        walk(value[i], depth + 1, path ? `${path}.${i}` : String(i))
      return
    }
    const proto = Object.getPrototypeOf(value)
    if (proto !== Object.prototype && proto !== null) return
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new UnsafeInputError(
          'UNSAFE_KEY',
          `The key "${key}" is not allowed in a document (at "${path || key}")`
        )
      }
      walk((value as Record<string, unknown>)[key], depth + 1, path ? `${path}.${key}` : key)
    }
  }
}
