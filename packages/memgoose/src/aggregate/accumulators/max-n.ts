/** `$maxN`: the max n values of the group. */
import { pickN } from './pick-n.js'

/** Compiles the `$maxN` accumulator. */
export const maxN = pickN('max')
