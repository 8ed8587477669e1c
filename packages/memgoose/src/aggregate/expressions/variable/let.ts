/** `$let`: `{ vars: { name: expr }, in }`, binding variables for `in`. */
import { isPlainObject } from '../../../values/bson.js'
import { badExpression } from '../errors.js'
import { assertVariableName, childVars } from '../variables.js'
import type { Evaluate, ExpressionOperator } from '../types.js'

/** Compiles `$let`. */
export const letOp: ExpressionOperator = (args, compile, name) => {
  if (!isPlainObject(args) || !isPlainObject(args.vars) || !('in' in args)) {
    throw badExpression(name, 'requires { vars: {...}, in }')
  }
  const names: string[] = []
  const values: Evaluate[] = []
  for (const key of Object.keys(args.vars)) {
    assertVariableName(key, name)
    names.push(key)
    values.push(compile(args.vars[key]))
  }
  const body = compile(args.in)
  return (doc, vars) => {
    const scope = childVars(vars)
    for (let i = 0; i < names.length; i++) scope[names[i]] = values[i](doc, vars)
    return body(doc, scope)
  }
}
