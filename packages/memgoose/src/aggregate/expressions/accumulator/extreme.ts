/** Shared core of the `$min` and `$max` expressions: null and missing are ignored. */
import { compareValues } from '../../../values/compare.js'
import { overValues } from './over-values.js'

/** Builds `$max` (sign 1) or `$min` (sign -1). */
export function extreme(sign: 1 | -1) {
  return overValues((values) => {
    let best: unknown = undefined
    for (const v of values) {
      if (v === null || v === undefined) continue
      if (best === undefined || sign * compareValues(v, best) > 0) best = v
    }
    return best === undefined ? null : best
  })
}
