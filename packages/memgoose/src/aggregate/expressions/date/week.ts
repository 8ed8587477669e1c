/** `$week`: the week of the year 0-53, weeks starting on Sunday. */
import { sundayWeek } from './calendar.js'
import { datePart } from './date-part.js'

/** Compiles `$week`. */
export const week = datePart(sundayWeek)
