/** `$split`: splits a string on a non-empty delimiter. */
import { badExpression } from '../errors.js'
import { compileList, isNullish, str } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$split`. */
export const split: ExpressionOperator = (args, compile, name) => {
  const [input, delimiter] = compileList(name, args, compile, 2)
  return (doc, vars) => {
    const s = input(doc, vars)
    const d = delimiter(doc, vars)
    if (isNullish(s)) return null
    const sep = str(name, d, 'delimiter')
    if (sep === '') throw badExpression(name, 'requires a non-empty separator')
    return str(name, s, 'input').split(sep)
  }
}
