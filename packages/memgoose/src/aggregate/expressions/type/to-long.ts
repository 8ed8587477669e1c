/** `$toLong`: converts to long (null/missing give null). */
import { toType } from './to-type.js'

/** Compiles `$toLong`. */
export const toLong = toType('long')
