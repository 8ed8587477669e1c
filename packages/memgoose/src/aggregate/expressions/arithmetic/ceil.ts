/** `$ceil`: smallest integer not below the number. */
import { unaryNumber } from '../helpers.js'

/** Compiles `$ceil`. */
export const ceil = unaryNumber((n) => Math.ceil(n))
