/** `$setIsSubset`: whether every element of the first array is in the second. */
import { ValueSet } from '../../value-set.js'
import { arr, compileList } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$setIsSubset`. */
export const setIsSubset: ExpressionOperator = (args, compile, name) => {
  const [left, right] = compileList(name, args, compile, 2)
  return (doc, vars) => {
    const a = arr(name, left(doc, vars), 'first argument')
    const superset = new ValueSet()
    for (const el of arr(name, right(doc, vars), 'second argument')) superset.add(el)
    return a.every((el) => superset.has(el))
  }
}
