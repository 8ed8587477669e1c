/**
 * Validation of the values an update writes: no prototype-polluting keys, no `$`-prefixed field
 * names (MongoDB refuses them in stored documents written by an update) and bounded nesting.
 */
import { QueryError, UnsafeInputError } from '../errors/index.js'
import { isPlainObject } from '../values/bson.js'
import { isForbiddenKey } from '../values/paths.js'

/** Nesting limit of written values, matching MongoDB's 100 levels for stored documents. */
export const MAX_VALUE_DEPTH = 100

/**
 * Throws `UnsafeInputError` (`UNSAFE_KEY`, `DOCUMENT_TOO_DEEP`) or `QueryError` (`BAD_UPDATE`) when
 * `value`, about to be written at `path`, holds a forbidden key, a `$`-prefixed key or nests too deep.
 * `allowDollar` skips the `$` rule (filter values seeding an upsert are checked by the query engine).
 */
export function assertWritableValue(value: unknown, path: string, allowDollar = false): void {
  walk(value, path, 0, allowDollar)
}

function walk(value: unknown, path: string, depth: number, allowDollar: boolean): void {
  if (typeof value !== 'object' || value === null) return
  if (depth > MAX_VALUE_DEPTH) {
    throw new UnsafeInputError(
      'DOCUMENT_TOO_DEEP',
      `Update value nesting exceeds ${MAX_VALUE_DEPTH} levels at '${path}'`
    )
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) walk(value[i], `${path}.${i}`, depth + 1, allowDollar)
    return
  }
  if (!isPlainObject(value)) return
  for (const key of Object.keys(value)) {
    const at = `${path}.${key}`
    if (isForbiddenKey(key)) {
      throw new UnsafeInputError(
        'UNSAFE_KEY',
        `The key "${key}" is not allowed in an update (at '${at}')`
      )
    }
    if (!allowDollar && key.startsWith('$')) {
      throw new QueryError(
        'BAD_UPDATE',
        `The dollar ($) prefixed field '${key}' in '${at}' is not allowed in the context of an update`
      )
    }
    walk(value[key], at, depth + 1, allowDollar)
  }
}
