/** Shared core of `$min` and `$max`: ignores null/missing, compares in MongoDB order. */
import { compareValues } from '../../values/compare.js'
import { unaryAccumulator, type ValueState } from './unary.js'

class Extreme implements ValueState {
  readonly sign: number
  best: unknown = undefined

  constructor(sign: number) {
    this.sign = sign
  }

  push(value: unknown): void {
    if (value === null || value === undefined) return
    if (this.best === undefined || this.sign * compareValues(value, this.best) > 0)
      this.best = value
  }

  result(): unknown {
    return this.best === undefined ? null : this.best
  }
}

/** Builds `$max` (sign 1) or `$min` (sign -1). */
export function extreme(sign: 1 | -1) {
  return unaryAccumulator(() => new Extreme(sign))
}
