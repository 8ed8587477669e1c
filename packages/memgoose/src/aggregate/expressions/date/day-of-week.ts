/** `$dayOfWeek`: the day of the week, 1 (Sunday) to 7 (Saturday). */
import { datePart } from './date-part.js'

/** Compiles `$dayOfWeek`. */
export const dayOfWeek = datePart((d) => d.getUTCDay() + 1)
