/** `$round`: rounds half to even at a decimal place. */
import { rounding } from './rounding.js'

/** Compiles `$round`. */
export const round = rounding('round')
