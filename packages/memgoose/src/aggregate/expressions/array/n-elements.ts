/** Shared core of `$firstN`, `$lastN`, `$maxN` and `$minN` (array forms): `{ n, input }`. */
import { compareValues } from '../../../values/compare.js'
import { badExpression } from '../errors.js'
import { arr, compileSpec, integral, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

type Pick = 'first' | 'last' | 'max' | 'min'

/** Builds an n-element array operator. */
export function nElements(pick: Pick): ExpressionOperator {
  return (args, compile, name) => {
    const spec = compileSpec(name, args, compile, ['n', 'input'] as const)
    return (doc, vars) => {
      const n = integral(name, spec.n!(doc, vars), 'n')
      if (n < 1) throw badExpression(name, 'n must be positive')
      const v = spec.input!(doc, vars)
      if (isNullish(v)) return null
      const list = arr(name, v, 'input')
      if (pick === 'first') return list.slice(0, n)
      if (pick === 'last') return list.slice(Math.max(0, list.length - n))
      const dir = pick === 'max' ? -1 : 1
      return list
        .filter((x) => !isNullish(x))
        .sort((a, b) => dir * compareValues(a, b))
        .slice(0, n)
    }
  }
}
