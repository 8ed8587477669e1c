/** `$second`: the second, 0-59. */
import { datePart } from './date-part.js'

/** Compiles `$second`. */
export const second = datePart((d) => d.getUTCSeconds())
