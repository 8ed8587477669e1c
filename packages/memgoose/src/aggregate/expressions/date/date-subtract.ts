/** `$dateSubtract`: `{ startDate, unit, amount, timezone? }`, the date moved back. */
import { dateShift } from './date-add.js'

/** Compiles `$dateSubtract`. */
export const dateSubtract = dateShift(-1)
