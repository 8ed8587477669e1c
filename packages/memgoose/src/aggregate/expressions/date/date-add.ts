/** Shared core of `$dateAdd` and `$dateSubtract`: `{ startDate, unit, amount, timezone? }`. */
import { compileSpec, integral, isNullish } from '../helpers.js'
import { asDate, compileZone } from './date-arg.js'
import { addUnits, asUnit } from './units.js'
import type { ExpressionOperator } from '../types.js'

/** Builds the add (`sign` 1) or subtract (`sign` -1) operator. */
export function dateShift(sign: 1 | -1): ExpressionOperator {
  return (args, compile, name) => {
    const spec = compileSpec(
      name,
      args,
      compile,
      ['startDate', 'unit', 'amount'] as const,
      ['timezone'] as const
    )
    const zoneOf = compileZone(name, spec.timezone)
    return (doc, vars) => {
      const start = asDate(name, spec.startDate!(doc, vars))
      const unit = spec.unit!(doc, vars)
      const amount = spec.amount!(doc, vars)
      const zone = zoneOf(doc, vars)
      if (start === null || isNullish(unit) || isNullish(amount) || zone === null) return null
      const n = integral(name, amount, 'amount')
      return new Date(addUnits(start.getTime(), asUnit(name, unit), sign * n, zone))
    }
  }
}

/** Compiles `$dateAdd`. */
export const dateAdd = dateShift(1)
