/** `$rtrim`: removes whitespace (or the given characters) from the string's ends. */
import { trimming } from './trimming.js'

/** Compiles `$rtrim`. */
export const rtrim = trimming(false, true)
