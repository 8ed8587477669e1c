/** `$millisecond`: the millisecond, 0-999. */
import { datePart } from './date-part.js'

/** Compiles `$millisecond`. */
export const millisecond = datePart((d) => d.getUTCMilliseconds())
