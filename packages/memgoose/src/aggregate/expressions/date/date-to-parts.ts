/** `$dateToParts`: `{ date, timezone?, iso8601? }` to a document of calendar (or ISO week) fields. */
import { compileSpec, truthy } from '../helpers.js'
import { isoDayOfWeek, isoWeek } from './calendar.js'
import { asDate, compileZone, localDate } from './date-arg.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$dateToParts`. */
export const dateToParts: ExpressionOperator = (args, compile, name) => {
  const spec = compileSpec(name, args, compile, ['date'] as const, ['timezone', 'iso8601'] as const)
  const zoneOf = compileZone(name, spec.timezone)
  return (doc, vars) => {
    const date = asDate(name, spec.date!(doc, vars))
    const zone = zoneOf(doc, vars)
    if (date === null || zone === null) return null
    const d = localDate(date, zone)
    const time = {
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      millisecond: d.getUTCMilliseconds(),
    }
    if (spec.iso8601 && truthy(spec.iso8601(doc, vars))) {
      const w = isoWeek(d)
      return { isoWeekYear: w.year, isoWeek: w.week, isoDayOfWeek: isoDayOfWeek(d), ...time }
    }
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), ...time }
  }
}
