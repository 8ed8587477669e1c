/** `$arrayElemAt`: element at an index (negative from the end); out of range is missing. */
import { arr, compileList, integral, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$arrayElemAt`. */
export const arrayElemAt: ExpressionOperator = (args, compile, name) => {
  const [input, index] = compileList(name, args, compile, 2)
  return (doc, vars) => {
    const a = input(doc, vars)
    const i = index(doc, vars)
    if (isNullish(a) || isNullish(i)) return null
    const list = arr(name, a, 'first argument')
    const n = integral(name, i, 'index')
    return n < 0 ? list[list.length + n] : list[n]
  }
}
