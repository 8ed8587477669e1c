/** `$anyElementTrue`: `[array]`, whether any element is truthy. */
import { arr, compileList, truthy } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$anyElementTrue`. */
export const anyElementTrue: ExpressionOperator = (args, compile, name) => {
  const [arg] = compileList(name, args, compile, 1)
  return (doc, vars) => arr(name, arg(doc, vars)).some(truthy)
}
