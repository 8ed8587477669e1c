/** `$trim`: removes whitespace (or the given characters) from the string's ends. */
import { trimming } from './trimming.js'

/** Compiles `$trim`. */
export const trim = trimming(true, true)
