/** `$toLower`: lower case. */
import { unaryString } from '../helpers.js'

/** Compiles `$toLower`. */
export const toLower = unaryString((s) => s.toLowerCase())
