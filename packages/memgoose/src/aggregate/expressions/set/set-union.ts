/** `$setUnion`: distinct elements of all arrays; null/missing anywhere gives null. */
import { ValueSet } from '../../value-set.js'
import { arr, compileList, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$setUnion`. */
export const setUnion: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 0, Infinity)
  return (doc, vars) => {
    const set = new ValueSet()
    for (const item of items) {
      const v = item(doc, vars)
      if (isNullish(v)) return null
      for (const el of arr(name, v)) set.add(el)
    }
    return set.values()
  }
}
