/** `$sum` (expression form): total of the numeric values; others are ignored. */
import { toNumber } from '../../../values/compare.js'
import { isNumeric } from '../helpers.js'
import { overValues } from './over-values.js'

/** Compiles the `$sum` expression. */
export const sum = overValues((values) => {
  let total = 0
  for (const v of values) if (isNumeric(v)) total += toNumber(v)
  return total
})
