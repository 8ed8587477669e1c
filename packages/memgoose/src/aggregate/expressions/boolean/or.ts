/** `$or`: true when any argument is truthy (short-circuits); no arguments give false. */
import { compileList, truthy } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$or`. */
export const or: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 0, Infinity)
  return (doc, vars) => {
    for (const item of items) if (truthy(item(doc, vars))) return true
    return false
  }
}
