/** `$toUpper`: upper case (ASCII semantics in MongoDB; JS maps the rest too). */
import { unaryString } from '../helpers.js'

/** Compiles `$toUpper`. */
export const toUpper = unaryString((s) => s.toUpperCase())
