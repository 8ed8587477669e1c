/** `$and`: true when every argument is truthy (short-circuits); no arguments give true. */
import { compileList, truthy } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$and`. */
export const and: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 0, Infinity)
  return (doc, vars) => {
    for (const item of items) if (!truthy(item(doc, vars))) return false
    return true
  }
}
