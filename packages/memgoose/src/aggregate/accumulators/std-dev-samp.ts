/** `$stdDevSamp`: sample standard deviation of the numeric values; null for fewer than two. */
import { stdDev } from './std-dev.js'

/** Compiles `$stdDevSamp`. */
export const stdDevSamp = stdDev(true)
