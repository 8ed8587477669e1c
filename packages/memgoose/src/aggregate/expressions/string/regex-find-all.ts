/** `$regexFindAll`: every match `{ match, idx, captures }` (empty array for null input). */
import { regexOperator } from './regex.js'

/** Compiles `$regexFindAll`. */
export const regexFindAll = regexOperator(Infinity, (m) => m ?? [])
