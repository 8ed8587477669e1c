/** `$rand`: a uniform random double in [0, 1). */
import { badExpression } from '../errors.js'
import { isPlainObject } from '../../../values/bson.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$rand`. */
export const rand: ExpressionOperator = (args, _compile, name) => {
  if (!isPlainObject(args) || Object.keys(args).length > 0) throw badExpression(name, 'takes {}')
  return () => Math.random()
}
