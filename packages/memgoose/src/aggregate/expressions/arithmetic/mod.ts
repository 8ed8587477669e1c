/** `$mod`: remainder with the dividend's sign (C fmod, as JS `%`); zero divisor is an error. */
import { badExpression } from '../errors.js'
import { compileList, isNullish, numeric } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$mod`. */
export const mod: ExpressionOperator = (args, compile, name) => {
  const [left, right] = compileList(name, args, compile, 2)
  return (doc, vars) => {
    const a = left(doc, vars)
    const b = right(doc, vars)
    if (isNullish(a) || isNullish(b)) return null
    const d = numeric(name, b)
    if (d === 0) throw badExpression(name, 'cannot take a remainder by zero')
    return numeric(name, a) % d
  }
}
