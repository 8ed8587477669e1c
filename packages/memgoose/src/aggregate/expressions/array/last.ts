/** `$last` (array form): the last element; missing for an empty array, null for null/missing. */
import { arr, compileList, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles the `$last` array operator. */
export const last: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => {
    const v = arg(doc, vars)
    if (isNullish(v)) return null
    const list = arr(name, v)
    return list[list.length - 1]
  }
}
