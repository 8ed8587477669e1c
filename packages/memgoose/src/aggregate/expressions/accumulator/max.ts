/** `$max` (expression form): the largest non-null value. */
import { extreme } from './extreme.js'

/** Compiles the `$max` expression. */
export const max = extreme(1)
