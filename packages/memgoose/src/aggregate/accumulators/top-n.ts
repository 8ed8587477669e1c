/** `$topN`: the output of the first documents in `sortBy` order (n of them). */
import { ranked } from './ranked.js'

/** Compiles `$topN`. */
export const topN = ranked(false, true)
