/** `$convert`: `{ input, to, onError?, onNull? }`. */
import { QueryError } from '../../../errors/index.js'
import { compileSpec, isNullish } from '../helpers.js'
import { convertValue, targetType } from './convert-core.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$convert`. */
export const convert: ExpressionOperator = (args, compile, name) => {
  const spec = compileSpec(
    name,
    args,
    compile,
    ['input', 'to'] as const,
    ['onError', 'onNull'] as const
  )
  return (doc, vars) => {
    const input = spec.input!(doc, vars)
    const toValue = spec.to!(doc, vars)
    if (isNullish(toValue)) return null
    const to = targetType(toValue)
    if (!to)
      throw new QueryError('BAD_EXPRESSION', `${name}: unknown target type ${String(toValue)}`)
    if (isNullish(input)) return spec.onNull ? spec.onNull(doc, vars) : null
    if (!spec.onError) return convertValue(input, to)
    try {
      return convertValue(input, to)
    } catch (err) {
      if (err instanceof QueryError && err.code === 'CONVERSION_FAILURE')
        return spec.onError(doc, vars)
      throw err
    }
  }
}
