/** `$minN`: the min n values of the group. */
import { pickN } from './pick-n.js'

/** Compiles the `$minN` accumulator. */
export const minN = pickN('min')
