/** `$min` (expression form): the smallest non-null value. */
import { extreme } from './extreme.js'

/** Compiles the `$min` expression. */
export const min = extreme(-1)
