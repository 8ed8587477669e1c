/** `$substrCP`: a substring by code point index and count. */
import { badExpression } from '../errors.js'
import { coerceToString, compileList, integral } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$substrCP`. */
export const substrCP: ExpressionOperator = (args, compile, name) => {
  const [input, startArg, lengthArg] = compileList(name, args, compile, 3)
  return (doc, vars) => {
    const s = coerceToString(name, input(doc, vars))
    const start = integral(name, startArg(doc, vars), 'starting index')
    const length = integral(name, lengthArg(doc, vars), 'length')
    if (start < 0 || length < 0) throw badExpression(name, 'index and length must be non-negative')
    return Array.from(s)
      .slice(start, start + length)
      .join('')
  }
}
