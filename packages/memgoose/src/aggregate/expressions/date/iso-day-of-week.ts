/** `$isoDayOfWeek`: the ISO day of week, 1 (Monday) to 7 (Sunday). */
import { isoDayOfWeek as isoDay } from './calendar.js'
import { datePart } from './date-part.js'

/** Compiles `$isoDayOfWeek`. */
export const isoDayOfWeek = datePart(isoDay)
