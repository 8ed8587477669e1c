/** `$isoWeek`: the ISO 8601 week number, 1-53. */
import { isoWeek as iso } from './calendar.js'
import { datePart } from './date-part.js'

/** Compiles `$isoWeek`. */
export const isoWeek = datePart((d) => iso(d).week)
