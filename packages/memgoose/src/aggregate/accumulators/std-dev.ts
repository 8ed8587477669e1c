/** Shared core of `$stdDevPop` and `$stdDevSamp` (Welford's online algorithm; numbers only). */
import { toNumber } from '../../values/compare.js'
import { isNumeric } from '../expressions/helpers.js'
import { unaryAccumulator, type ValueState } from './unary.js'

class StdDev implements ValueState {
  readonly sample: boolean
  n = 0
  mean = 0
  m2 = 0

  constructor(sample: boolean) {
    this.sample = sample
  }

  push(value: unknown): void {
    if (!isNumeric(value)) return
    const x = toNumber(value)
    this.n++
    const delta = x - this.mean
    this.mean += delta / this.n
    this.m2 += delta * (x - this.mean)
  }

  result(): unknown {
    const d = this.sample ? this.n - 1 : this.n
    return d <= 0 ? null : Math.sqrt(this.m2 / d)
  }
}

/** Builds `$stdDevSamp` (sample true) or `$stdDevPop`. */
export function stdDev(sample: boolean) {
  return unaryAccumulator(() => new StdDev(sample))
}
