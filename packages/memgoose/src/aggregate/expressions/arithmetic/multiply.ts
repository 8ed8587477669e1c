/** `$multiply`: product of numbers; null/missing anywhere gives null. */
import { compileList, isNullish, numeric } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$multiply`. */
export const multiply: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 0, Infinity)
  return (doc, vars) => {
    let product = 1
    for (const item of items) {
      const v = item(doc, vars)
      if (isNullish(v)) return null
      product *= numeric(name, v)
    }
    return product
  }
}
