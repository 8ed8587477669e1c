/** `$reverseArray`: the array reversed; null/missing gives null. */
import { arr, compileList, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$reverseArray`. */
export const reverseArray: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => {
    const v = arg(doc, vars)
    return isNullish(v) ? null : arr(name, v).slice().reverse()
  }
}
