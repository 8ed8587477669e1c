/** `$arrayToObject`: `[[k, v]]` or `[{ k, v }]` to a document; keys are checked for safety. */
import { isPlainObject } from '../../../values/bson.js'
import { assertSafeKey } from '../../../values/paths.js'
import { badExpression } from '../errors.js'
import { arr, compileList, isNullish, str } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$arrayToObject`. */
export const arrayToObject: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => {
    const v = arg(doc, vars)
    if (isNullish(v)) return null
    const out: Record<string, unknown> = {}
    for (const entry of arr(name, v)) {
      let key: unknown
      let value: unknown
      if (Array.isArray(entry)) {
        if (entry.length !== 2)
          throw badExpression(name, 'array entries must have exactly two elements')
        ;[key, value] = entry
      } else if (
        isPlainObject(entry) &&
        Object.keys(entry).length === 2 &&
        'k' in entry &&
        'v' in entry
      ) {
        key = entry.k
        value = entry.v
      } else throw badExpression(name, 'entries must be [k, v] pairs or { k, v } documents')
      const k = str(name, key, 'key')
      assertSafeKey(k, name)
      if (k.includes('\0')) throw badExpression(name, 'keys cannot contain a null byte')
      out[k] = value
    }
    return out
  }
}
