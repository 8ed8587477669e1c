/** `$reduce`: folds `in` over `input` with `$$value` (the accumulator) and `$$this`. */
import { arr, compileSpec, isNullish } from '../helpers.js'
import { childVars } from '../variables.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$reduce`. */
export const reduce: ExpressionOperator = (args, compile, name) => {
  const spec = compileSpec(name, args, compile, ['input', 'initialValue', 'in'] as const)
  return (doc, vars) => {
    const input = spec.input!(doc, vars)
    if (isNullish(input)) return null
    const list = arr(name, input, 'input')
    const scope = childVars(vars)
    let value = spec.initialValue!(doc, vars)
    for (const el of list) {
      scope.value = value
      scope.this = el
      value = spec.in!(doc, scope)
    }
    return value
  }
}
