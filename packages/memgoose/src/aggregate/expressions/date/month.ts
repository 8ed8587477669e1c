/** `$month`: the month, 1-12. */
import { datePart } from './date-part.js'

/** Compiles `$month`. */
export const month = datePart((d) => d.getUTCMonth() + 1)
