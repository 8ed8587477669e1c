/** `$stdDevPop` (expression form): population standard deviation. */
import { stdDev } from './std-dev.js'

/** Compiles the `$stdDevPop` expression. */
export const stdDevPop = stdDev(false)
