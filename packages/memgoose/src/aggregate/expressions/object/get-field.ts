/** `$getField`: `{ field, input = $$CURRENT }` or a field name; reads names with dots or `$` literally. */
import { isPlainObject } from '../../../values/bson.js'
import { badExpression } from '../errors.js'
import { isNullish } from '../helpers.js'
import type { Evaluate, ExpressionOperator } from '../types.js'

/** Compiles `$getField`. */
export const getField: ExpressionOperator = (args, compile, name) => {
  const spec = isPlainObject(args) && 'field' in args ? args : { field: args }
  if (typeof spec.field !== 'string') throw badExpression(name, '"field" must be a constant string')
  const field = spec.field
  const input: Evaluate = 'input' in spec ? compile(spec.input) : (doc) => doc
  return (doc, vars) => {
    const v = input(doc, vars)
    if (isNullish(v)) return undefined
    if (!isPlainObject(v) || !Object.hasOwn(v, field)) return undefined
    return v[field]
  }
}
