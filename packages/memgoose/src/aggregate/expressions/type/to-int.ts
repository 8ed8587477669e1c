/** `$toInt`: converts to int (null/missing give null). */
import { toType } from './to-type.js'

/** Compiles `$toInt`. */
export const toInt = toType('int')
