/** `$pow`: exponentiation; zero raised to a negative power is an error. */
import { badExpression } from '../errors.js'
import { compileList, isNullish, numeric } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$pow`. */
export const pow: ExpressionOperator = (args, compile, name) => {
  const [base, exponent] = compileList(name, args, compile, 2)
  return (doc, vars) => {
    const a = base(doc, vars)
    const b = exponent(doc, vars)
    if (isNullish(a) || isNullish(b)) return null
    const x = numeric(name, a)
    const y = numeric(name, b)
    if (x === 0 && y < 0) throw badExpression(name, 'zero cannot be raised to a negative power')
    return x ** y
  }
}
