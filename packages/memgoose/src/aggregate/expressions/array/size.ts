/** `$size`: length of an array; anything else (even null) fails, as in MongoDB. */
import { arr, compileList } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$size`. */
export const size: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => arr(name, arg(doc, vars)).length
}
