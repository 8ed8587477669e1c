/** `$concatArrays`: joins arrays; null/missing anywhere gives null. */
import { arr, compileList, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$concatArrays`. */
export const concatArrays: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 0, Infinity)
  return (doc, vars) => {
    const out: unknown[] = []
    for (const item of items) {
      const v = item(doc, vars)
      if (isNullish(v)) return null
      for (const el of arr(name, v)) out.push(el)
    }
    return out
  }
}
