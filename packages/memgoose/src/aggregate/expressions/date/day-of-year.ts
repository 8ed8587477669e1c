/** `$dayOfYear`: the day of the year, 1-366. */
import { dayOfYear as yearDay } from './calendar.js'
import { datePart } from './date-part.js'

/** Compiles `$dayOfYear`. */
export const dayOfYear = datePart(yearDay)
