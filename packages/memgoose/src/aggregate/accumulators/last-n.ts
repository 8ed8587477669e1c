/** `$lastN`: the last n values of the group. */
import { pickN } from './pick-n.js'

/** Compiles the `$lastN` accumulator. */
export const lastN = pickN('last')
