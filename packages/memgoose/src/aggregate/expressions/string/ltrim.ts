/** `$ltrim`: removes whitespace (or the given characters) from the string's ends. */
import { trimming } from './trimming.js'

/** Compiles `$ltrim`. */
export const ltrim = trimming(true, false)
