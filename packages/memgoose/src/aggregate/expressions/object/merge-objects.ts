/** `$mergeObjects`: later documents' fields win; null/missing arguments are skipped. */
import { isPlainObject } from '../../../values/bson.js'
import { assertSafeKey } from '../../../values/paths.js'
import { typeMismatch } from '../errors.js'
import { compileList, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Merges one document into `out` (shared with the `$mergeObjects` accumulator). */
export function mergeInto(name: string, out: Record<string, unknown>, value: unknown): void {
  if (isNullish(value)) return
  if (!isPlainObject(value)) throw typeMismatch(name, 'requires object inputs', value)
  for (const key of Object.keys(value)) {
    assertSafeKey(key, name)
    if (value[key] !== undefined) out[key] = value[key]
  }
}

/** Compiles `$mergeObjects`. */
export const mergeObjects: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 0, Infinity)
  return (doc, vars) => {
    const out: Record<string, unknown> = {}
    for (const item of items) mergeInto(name, out, item(doc, vars))
    return out
  }
}
