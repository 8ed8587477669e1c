/** `$top`: the output of the first document in `sortBy` order. */
import { ranked } from './ranked.js'

/** Compiles `$top`. */
export const top = ranked(false, false)
