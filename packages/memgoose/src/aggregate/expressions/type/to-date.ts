/** `$toDate`: converts to date (null/missing give null). */
import { toType } from './to-type.js'

/** Compiles `$toDate`. */
export const toDate = toType('date')
