/** `$indexOfCP`: code point index of a substring in `[start, end)`, -1 if absent, null for null input. */
import { badExpression } from '../errors.js'
import { compileList, integral, isNullish, str } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$indexOfCP`. */
export const indexOfCP: ExpressionOperator = (args, compile, name) => {
  const [input, search, startArg, endArg] = compileList(name, args, compile, 2, 4)
  return (doc, vars) => {
    const v = input(doc, vars)
    if (isNullish(v)) return null
    const chars = Array.from(str(name, v, 'first argument'))
    const needle = Array.from(str(name, search(doc, vars), 'second argument'))
    const start = startArg ? integral(name, startArg(doc, vars), 'starting index') : 0
    const end = endArg ? integral(name, endArg(doc, vars), 'ending index') : chars.length
    if (start < 0 || end < 0) throw badExpression(name, 'indexes must be non-negative')
    const last = Math.min(end, chars.length) - needle.length
    for (let i = start; i <= last; i++) {
      let j = 0
      while (j < needle.length && chars[i + j] === needle[j]) j++
      if (j === needle.length) return i
    }
    return -1
  }
}
