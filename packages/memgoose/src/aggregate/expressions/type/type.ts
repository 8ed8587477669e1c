/** `$type`: the BSON type alias of a value (`'missing'` for a missing field). */
import { bsonTypeAlias } from '../../../values/type-order.js'
import { compileList } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$type`. */
export const type: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => bsonTypeAlias(arg(doc, vars))
}
