/** `$strcasecmp`: case-insensitive comparison giving -1, 0 or 1 (null/missing as ""). */
import { compareStrings } from '../../../values/compare.js'
import { coerceToString, compileList } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$strcasecmp`. */
export const strcasecmp: ExpressionOperator = (args, compile, name) => {
  const [left, right] = compileList(name, args, compile, 2)
  return (doc, vars) => {
    const a = coerceToString(name, left(doc, vars)).toUpperCase()
    const b = coerceToString(name, right(doc, vars)).toUpperCase()
    return Math.sign(compareStrings(a, b))
  }
}
