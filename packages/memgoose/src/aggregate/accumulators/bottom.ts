/** `$bottom`: the output of the last document in `sortBy` order. */
import { ranked } from './ranked.js'

/** Compiles `$bottom`. */
export const bottom = ranked(true, false)
