/** `$hour`: the hour, 0-23. */
import { datePart } from './date-part.js'

/** Compiles `$hour`. */
export const hour = datePart((d) => d.getUTCHours())
