/** `$minute`: the minute, 0-59. */
import { datePart } from './date-part.js'

/** Compiles `$minute`. */
export const minute = datePart((d) => d.getUTCMinutes())
