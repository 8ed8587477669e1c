/** `$isoWeekYear`: the ISO 8601 week-numbering year. */
import { isoWeek } from './calendar.js'
import { datePart } from './date-part.js'

/** Compiles `$isoWeekYear`. */
export const isoWeekYear = datePart((d) => isoWeek(d).year)
