/** `$toDecimal`: converts to decimal (null/missing give null). */
import { toType } from './to-type.js'

/** Compiles `$toDecimal`. */
export const toDecimal = toType('decimal')
