/** `$setDifference`: distinct elements of the first array not in the second; null gives null. */
import { ValueSet } from '../../value-set.js'
import { arr, compileList, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$setDifference`. */
export const setDifference: ExpressionOperator = (args, compile, name) => {
  const [left, right] = compileList(name, args, compile, 2)
  return (doc, vars) => {
    const a = left(doc, vars)
    const b = right(doc, vars)
    if (isNullish(a) || isNullish(b)) return null
    const exclude = new ValueSet()
    for (const el of arr(name, b)) exclude.add(el)
    const out = new ValueSet()
    for (const el of arr(name, a)) if (!exclude.has(el)) out.add(el)
    return out.values()
  }
}
