/** `$switch`: the `then` of the first truthy `case`, else `default`; no match and no default fails. */
import { isPlainObject } from '../../../values/bson.js'
import { badExpression } from '../errors.js'
import { compileSpec, truthy } from '../helpers.js'
import type { Evaluate, ExpressionOperator } from '../types.js'

/** Compiles `$switch`. */
export const switchOp: ExpressionOperator = (args, compile, name) => {
  if (!isPlainObject(args) || !Array.isArray(args.branches)) {
    throw badExpression(name, 'expects { branches: [...], default? }')
  }
  const cases: Evaluate[] = []
  const thens: Evaluate[] = []
  for (const branch of args.branches) {
    const spec = compileSpec(name, branch, compile, ['case', 'then'] as const)
    cases.push(spec.case!)
    thens.push(spec.then!)
  }
  for (const key of Object.keys(args)) {
    if (key !== 'branches' && key !== 'default')
      throw badExpression(name, `unknown argument "${key}"`)
  }
  const fallback = 'default' in args ? compile(args.default) : undefined
  return (doc, vars) => {
    for (let i = 0; i < cases.length; i++)
      if (truthy(cases[i](doc, vars))) return thens[i](doc, vars)
    if (!fallback) throw badExpression(name, 'could not find a matching branch and no default')
    return fallback(doc, vars)
  }
}
