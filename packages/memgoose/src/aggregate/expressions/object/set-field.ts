/** `$setField`: `{ field, input, value }` a copy of `input` with one field set (`$$REMOVE` removes it). */
import { isPlainObject } from '../../../values/bson.js'
import { assertSafeKey } from '../../../values/paths.js'
import { badExpression, typeMismatch } from '../errors.js'
import { compileSpec, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$setField`. */
export const setField: ExpressionOperator = (args, compile, name) => {
  const field = isPlainObject(args) ? args.field : undefined
  if (typeof field !== 'string') throw badExpression(name, '"field" must be a constant string')
  assertSafeKey(field, name)
  const spec = compileSpec(name, args, compile, ['field', 'input', 'value'] as const)
  return (doc, vars) => {
    const input = spec.input!(doc, vars)
    if (isNullish(input)) return null
    if (!isPlainObject(input)) throw typeMismatch(name, 'requires a document input', input)
    const value = spec.value!(doc, vars)
    const out: Record<string, unknown> = { ...input }
    if (value === undefined) delete out[field]
    else out[field] = value
    return out
  }
}
