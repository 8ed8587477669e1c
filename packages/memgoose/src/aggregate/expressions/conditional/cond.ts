/** `$cond`: `[if, then, else]` or `{ if, then, else }`; only the chosen branch is evaluated. */
import { isPlainObject } from '../../../values/bson.js'
import { compileList, compileSpec, truthy } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$cond`. */
export const cond: ExpressionOperator = (args, compile, name) => {
  let test, then, otherwise
  if (isPlainObject(args)) {
    const spec = compileSpec(name, args, compile, ['if', 'then', 'else'] as const)
    test = spec.if!
    then = spec.then!
    otherwise = spec.else!
  } else {
    ;[test, then, otherwise] = compileList(name, args, compile, 3)
  }
  return (doc, vars) => (truthy(test(doc, vars)) ? then(doc, vars) : otherwise(doc, vars))
}
