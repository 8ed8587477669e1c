/** `$isNumber`: whether the value is a number of any BSON numeric type. */
import { compileList, isNumeric } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$isNumber`. */
export const isNumber: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => isNumeric(arg(doc, vars))
}
