/** `$toBool`: converts to bool (null/missing give null). */
import { toType } from './to-type.js'

/** Compiles `$toBool`. */
export const toBool = toType('bool')
