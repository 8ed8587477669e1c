/** `$firstN`: the first n values of the group. */
import { pickN } from './pick-n.js'

/** Compiles the `$firstN` accumulator. */
export const firstN = pickN('first')
