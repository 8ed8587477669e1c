/** `$regexFind`: the first match `{ match, idx, captures }`, or null. */
import { regexOperator } from './regex.js'

/** Compiles `$regexFind`. */
export const regexFind = regexOperator(1, (m) => (m && m.length > 0 ? m[0] : null))
