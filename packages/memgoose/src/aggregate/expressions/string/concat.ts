/** `$concat`: joins strings; null/missing anywhere gives null, other types fail. */
import { compileList, isNullish, str } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$concat`. */
export const concat: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 0, Infinity)
  return (doc, vars) => {
    let out = ''
    for (const item of items) {
      const v = item(doc, vars)
      if (isNullish(v)) return null
      out += str(name, v)
    }
    return out
  }
}
