/** Builds the date part operators (`$year`, `$hour`, `$isoWeek`, ...) from a field reader. */
import { compileDateArg, localDate } from './date-arg.js'
import type { ExpressionOperator } from '../types.js'

/** An operator returning `read(localDate)`; null date or zone gives null. */
export function datePart(read: (local: Date) => number): ExpressionOperator {
  return (args, compile, name) => {
    const arg = compileDateArg(name, args, compile)
    return (doc, vars) => {
      const date = arg.date(doc, vars)
      const zone = arg.zone(doc, vars)
      if (date === null || zone === null) return null
      return read(localDate(date, zone))
    }
  }
}
