/** `$stdDevSamp` (expression form): sample standard deviation. */
import { stdDev } from './std-dev.js'

/** Compiles the `$stdDevSamp` expression. */
export const stdDevSamp = stdDev(true)
