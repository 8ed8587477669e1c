/** `$dateTrunc`: `{ date, unit, binSize?, timezone?, startOfWeek? }`, the start of the date's bin. */
import { badExpression } from '../errors.js'
import { compileSpec, integral, isNullish } from '../helpers.js'
import { asDate, compileZone } from './date-arg.js'
import { asUnit, asWeekday, truncUnits } from './units.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$dateTrunc`. */
export const dateTrunc: ExpressionOperator = (args, compile, name) => {
  const spec = compileSpec(
    name,
    args,
    compile,
    ['date', 'unit'] as const,
    ['binSize', 'timezone', 'startOfWeek'] as const
  )
  const zoneOf = compileZone(name, spec.timezone)
  return (doc, vars) => {
    const date = asDate(name, spec.date!(doc, vars))
    const unit = spec.unit!(doc, vars)
    const bin = spec.binSize ? spec.binSize(doc, vars) : 1
    const zone = zoneOf(doc, vars)
    const sow = spec.startOfWeek ? spec.startOfWeek(doc, vars) : 'sunday'
    if (date === null || isNullish(unit) || isNullish(bin) || zone === null || isNullish(sow))
      return null
    const binSize = integral(name, bin, 'binSize')
    if (binSize < 1) throw badExpression(name, 'binSize must be positive')
    const u = asUnit(name, unit)
    return new Date(
      truncUnits(date.getTime(), u, binSize, zone, u === 'week' ? asWeekday(name, sow) : 0)
    )
  }
}
