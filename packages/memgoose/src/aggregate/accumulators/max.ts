/** `$max`: the largest non-null value; null for none. */
import { extreme } from './extreme.js'

/** Compiles `$max`. */
export const max = extreme(1)
