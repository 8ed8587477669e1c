/** `$objectToArray`: a document as `[{ k, v }]`; null/missing gives null. */
import { isPlainObject } from '../../../values/bson.js'
import { typeMismatch } from '../errors.js'
import { compileList, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$objectToArray`. */
export const objectToArray: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => {
    const v = arg(doc, vars)
    if (isNullish(v)) return null
    if (!isPlainObject(v)) throw typeMismatch(name, 'requires a document input', v)
    return Object.keys(v).map((k) => ({ k, v: v[k] }))
  }
}
