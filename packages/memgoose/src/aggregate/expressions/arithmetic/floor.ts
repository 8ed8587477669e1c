/** `$floor`: largest integer not above the number. */
import { unaryNumber } from '../helpers.js'

/** Compiles `$floor`. */
export const floor = unaryNumber((n) => Math.floor(n))
