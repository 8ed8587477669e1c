/** `$dateDiff`: `{ startDate, endDate, unit, timezone?, startOfWeek? }`, unit boundaries crossed. */
import { compileSpec, isNullish } from '../helpers.js'
import { asDate, compileZone } from './date-arg.js'
import { asUnit, asWeekday, diffUnits } from './units.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$dateDiff`. */
export const dateDiff: ExpressionOperator = (args, compile, name) => {
  const spec = compileSpec(
    name,
    args,
    compile,
    ['startDate', 'endDate', 'unit'] as const,
    ['timezone', 'startOfWeek'] as const
  )
  const zoneOf = compileZone(name, spec.timezone)
  return (doc, vars) => {
    const start = asDate(name, spec.startDate!(doc, vars))
    const end = asDate(name, spec.endDate!(doc, vars))
    const unit = spec.unit!(doc, vars)
    const zone = zoneOf(doc, vars)
    const sow = spec.startOfWeek ? spec.startOfWeek(doc, vars) : 'sunday'
    if (start === null || end === null || isNullish(unit) || zone === null || isNullish(sow))
      return null
    const u = asUnit(name, unit)
    return diffUnits(
      start.getTime(),
      end.getTime(),
      u,
      zone,
      u === 'week' ? asWeekday(name, sow) : 0
    )
  }
}
