/** `$year`: the year. */
import { datePart } from './date-part.js'

/** Compiles `$year`. */
export const year = datePart((d) => d.getUTCFullYear())
