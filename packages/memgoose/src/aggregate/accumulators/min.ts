/** `$min`: the smallest non-null value; null for none. */
import { extreme } from './extreme.js'

/** Compiles `$min`. */
export const min = extreme(-1)
