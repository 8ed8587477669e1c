/** `$ne`: compares two values in MongoDB order (missing below null). */
import { compareExpr } from '../compare.js'
import { compileList } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$ne`. */
export const ne: ExpressionOperator = (args, compile, name) => {
  const [left, right] = compileList(name, args, compile, 2)
  return (doc, vars) => compareExpr(left(doc, vars), right(doc, vars)) !== 0
}
