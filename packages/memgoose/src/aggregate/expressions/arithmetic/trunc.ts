/** `$trunc`: truncates toward zero at a decimal place. */
import { rounding } from './rounding.js'

/** Compiles `$trunc`. */
export const trunc = rounding('trunc')
