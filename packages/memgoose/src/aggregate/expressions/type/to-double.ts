/** `$toDouble`: converts to double (null/missing give null). */
import { toType } from './to-type.js'

/** Compiles `$toDouble`. */
export const toDouble = toType('double')
