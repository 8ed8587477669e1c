/** `$exp`: e raised to the number. */
import { unaryNumber } from '../helpers.js'

/** Compiles `$exp`. */
export const exp = unaryNumber((n) => Math.exp(n))
