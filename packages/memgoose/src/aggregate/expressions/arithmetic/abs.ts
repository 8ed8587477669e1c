/** `$abs`: absolute value. */
import { unaryNumber } from '../helpers.js'

/** Compiles `$abs`. */
export const abs = unaryNumber((n) => Math.abs(n))
