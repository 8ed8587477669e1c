/** `$avg` (expression form): mean of the numeric values, null when there are none. */
import { toNumber } from '../../../values/compare.js'
import { isNumeric } from '../helpers.js'
import { overValues } from './over-values.js'

/** Compiles the `$avg` expression. */
export const avg = overValues((values) => {
  let total = 0
  let n = 0
  for (const v of values) {
    if (isNumeric(v)) {
      total += toNumber(v)
      n++
    }
  }
  return n === 0 ? null : total / n
})
