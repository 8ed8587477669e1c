/** `$bottomN`: the output of the last documents in `sortBy` order (n of them). */
import { ranked } from './ranked.js'

/** Compiles `$bottomN`. */
export const bottomN = ranked(true, true)
