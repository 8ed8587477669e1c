/** `$not`: the negated truthiness of its one argument. */
import { compileList, truthy } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$not`. */
export const not: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => !truthy(arg(doc, vars))
}
