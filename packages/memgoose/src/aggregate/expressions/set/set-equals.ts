/** `$setEquals`: whether all arrays hold the same distinct elements; every argument must be an array. */
import { ValueSet } from '../../value-set.js'
import { arr, compileList } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$setEquals`. */
export const setEquals: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 2, Infinity)
  return (doc, vars) => {
    const sets = items.map((item) => {
      const set = new ValueSet()
      for (const el of arr(name, item(doc, vars))) set.add(el)
      return set
    })
    const [head, ...rest] = sets
    return rest.every((s) => s.size === head.size && s.values().every((v) => head.has(v)))
  }
}
