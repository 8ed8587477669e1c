/** Shared core of the `$stdDevPop` / `$stdDevSamp` expressions over the numeric values. */
import { toNumber } from '../../../values/compare.js'
import { isNumeric } from '../helpers.js'
import { overValues } from './over-values.js'

/** Builds `$stdDevSamp` (sample true) or `$stdDevPop`. */
export function stdDev(sample: boolean) {
  return overValues((values) => {
    const nums = values.filter(isNumeric).map(toNumber)
    const d = sample ? nums.length - 1 : nums.length
    if (d <= 0) return null
    const mean = nums.reduce((a, b) => a + b, 0) / nums.length
    return Math.sqrt(nums.reduce((a, b) => a + (b - mean) ** 2, 0) / d)
  })
}
