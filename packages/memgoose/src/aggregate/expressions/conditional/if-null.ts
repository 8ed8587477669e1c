/** `$ifNull`: the first argument that is neither null nor missing, else the last argument. */
import { compileList, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$ifNull`. */
export const ifNull: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 2, Infinity)
  const last = items.length - 1
  return (doc, vars) => {
    for (let i = 0; i < last; i++) {
      const v = items[i](doc, vars)
      if (!isNullish(v)) return v
    }
    return items[last](doc, vars)
  }
}
