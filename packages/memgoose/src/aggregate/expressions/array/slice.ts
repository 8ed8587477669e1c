/** `$slice`: `[array, n]` (first or last n) or `[array, position, n]`; null array gives null. */
import { badExpression } from '../errors.js'
import { arr, compileList, integral, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$slice`. */
export const slice: ExpressionOperator = (args, compile, name) => {
  const [input, a, b] = compileList(name, args, compile, 2, 3)
  return (doc, vars) => {
    const v = input(doc, vars)
    const x = a(doc, vars)
    const y = b ? b(doc, vars) : undefined
    if (isNullish(v) || isNullish(x) || (b !== undefined && isNullish(y))) return null
    const list = arr(name, v, 'first argument')
    if (b === undefined) {
      const n = integral(name, x, 'count')
      return n >= 0 ? list.slice(0, n) : list.slice(Math.max(0, list.length + n))
    }
    let pos = integral(name, x, 'position')
    const n = integral(name, y, 'count')
    if (n <= 0) throw badExpression(name, 'count must be positive')
    if (pos < 0) pos = Math.max(0, list.length + pos)
    return list.slice(pos, pos + n)
  }
}
