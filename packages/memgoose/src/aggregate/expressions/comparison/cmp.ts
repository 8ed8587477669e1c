/** `$cmp`: -1, 0 or 1 as the first value sorts before, with or after the second. */
import { compareExpr } from '../compare.js'
import { compileList } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$cmp`. */
export const cmp: ExpressionOperator = (args, compile, name) => {
  const [left, right] = compileList(name, args, compile, 2)
  return (doc, vars) => Math.sign(compareExpr(left(doc, vars), right(doc, vars)))
}
