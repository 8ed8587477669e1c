/** `$regexMatch`: whether the regex matches the input (null input gives false). */
import { regexOperator } from './regex.js'

/** Compiles `$regexMatch`. */
export const regexMatch = regexOperator(1, (m) => m !== null && m.length > 0)
