/** `$toString`: converts to string (null/missing give null). */
import { toType } from './to-type.js'

/** Compiles `$toString`. */
export const toString = toType('string')
