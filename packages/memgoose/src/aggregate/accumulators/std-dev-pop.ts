/** `$stdDevPop`: population standard deviation of the numeric values; null for none. */
import { stdDev } from './std-dev.js'

/** Compiles `$stdDevPop`. */
export const stdDevPop = stdDev(false)
