/** `$isArray`: whether the value is an array. */
import { compileList } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$isArray`. */
export const isArray: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => Array.isArray(arg(doc, vars))
}
