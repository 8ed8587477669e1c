/** `$map`: `{ input, as = 'this', in }`; null input gives null. */
import { QueryError } from '../../../errors/index.js'
import { arr, compileSpec, isNullish } from '../helpers.js'
import { assertVariableName, childVars } from '../variables.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$map`. */
export const map: ExpressionOperator = (args, compile, name) => {
  const spec = compileSpec(name, args, compile, ['input', 'in'] as const, ['as'] as const)
  const as = (args as { as?: unknown }).as ?? 'this'
  if (typeof as !== 'string')
    throw new QueryError('BAD_EXPRESSION', `${name}: "as" must be a string`)
  assertVariableName(as, name)
  return (doc, vars) => {
    const input = spec.input!(doc, vars)
    if (isNullish(input)) return null
    const list = arr(name, input, 'input')
    const scope = childVars(vars)
    const out = new Array(list.length)
    for (let i = 0; i < list.length; i++) {
      scope[as] = list[i]
      const v = spec.in!(doc, scope)
      out[i] = v === undefined ? null : v
    }
    return out
  }
}
