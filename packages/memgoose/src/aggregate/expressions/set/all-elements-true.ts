/** `$allElementsTrue`: `[array]`, whether every element is truthy. */
import { arr, compileList, truthy } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$allElementsTrue`. */
export const allElementsTrue: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => arr(name, arg(doc, vars)).every(truthy)
}
