/** `$indexOfArray`: index of the first equal element in `[start, end)`, -1 if absent. */
import { badExpression } from '../errors.js'
import { valuesEqual } from '../../../values/compare.js'
import { arr, compileList, integral, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$indexOfArray`. */
export const indexOfArray: ExpressionOperator = (args, compile, name) => {
  const [input, search, startArg, endArg] = compileList(name, args, compile, 2, 4)
  return (doc, vars) => {
    const v = input(doc, vars)
    if (isNullish(v)) return null
    const list = arr(name, v, 'first argument')
    const s = search(doc, vars)
    const start = startArg ? integral(name, startArg(doc, vars), 'starting index') : 0
    const end = endArg ? integral(name, endArg(doc, vars), 'ending index') : list.length
    if (start < 0 || end < 0) throw badExpression(name, 'indexes must be non-negative')
    if (s === undefined) return -1
    for (let i = start; i < Math.min(end, list.length); i++) if (valuesEqual(list[i], s)) return i
    return -1
  }
}
