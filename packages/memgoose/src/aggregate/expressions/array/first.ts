/** `$first` (array form): the first element; missing for an empty array, null for null/missing. */
import { arr, compileList, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles the `$first` array operator. */
export const first: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => {
    const v = arg(doc, vars)
    return isNullish(v) ? null : arr(name, v)[0]
  }
}
