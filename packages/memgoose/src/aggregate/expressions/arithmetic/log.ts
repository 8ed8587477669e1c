/** `$log`: logarithm in a base; the number must be positive and the base positive and not 1. */
import { badExpression } from '../errors.js'
import { compileList, isNullish, numeric } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$log`. */
export const log: ExpressionOperator = (args, compile, name) => {
  const [value, base] = compileList(name, args, compile, 2)
  return (doc, vars) => {
    const a = value(doc, vars)
    const b = base(doc, vars)
    if (isNullish(a) || isNullish(b)) return null
    const n = numeric(name, a)
    const k = numeric(name, b)
    if (!(n > 0)) throw badExpression(name, 'argument must be a positive number')
    if (!(k > 0) || k === 1)
      throw badExpression(name, 'base must be a positive number not equal to 1')
    return Math.log(n) / Math.log(k)
  }
}
