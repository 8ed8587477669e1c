/** `$filter`: `{ input, as = 'this', cond, limit? }`; null input gives null. */
import { QueryError } from '../../../errors/index.js'
import { arr, compileSpec, integral, isNullish, truthy } from '../helpers.js'
import { assertVariableName, childVars } from '../variables.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$filter`. */
export const filter: ExpressionOperator = (args, compile, name) => {
  const spec = compileSpec(
    name,
    args,
    compile,
    ['input', 'cond'] as const,
    ['as', 'limit'] as const
  )
  const as = (args as { as?: unknown }).as ?? 'this'
  if (typeof as !== 'string')
    throw new QueryError('BAD_EXPRESSION', `${name}: "as" must be a string`)
  assertVariableName(as, name)
  return (doc, vars) => {
    const input = spec.input!(doc, vars)
    if (isNullish(input)) return null
    const list = arr(name, input, 'input')
    const limitValue = spec.limit ? spec.limit(doc, vars) : undefined
    const limit = isNullish(limitValue) ? Infinity : integral(name, limitValue, 'limit')
    if (limit < 1) throw new QueryError('BAD_EXPRESSION', `${name}: limit must be positive`)
    const scope = childVars(vars)
    const out: unknown[] = []
    for (const el of list) {
      scope[as] = el
      if (truthy(spec.cond!(doc, scope))) {
        out.push(el)
        if (out.length >= limit) break
      }
    }
    return out
  }
}
