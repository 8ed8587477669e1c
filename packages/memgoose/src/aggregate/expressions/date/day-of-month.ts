/** `$dayOfMonth`: the day of the month, 1-31. */
import { datePart } from './date-part.js'

/** Compiles `$dayOfMonth`. */
export const dayOfMonth = datePart((d) => d.getUTCDate())
