/** `$avg`: mean of the numeric values (others ignored); null for none. */
import { toNumber } from '../../values/compare.js'
import { isNumeric } from '../expressions/helpers.js'
import { unaryAccumulator, type ValueState } from './unary.js'

class Avg implements ValueState {
  total = 0
  count = 0

  push(value: unknown): void {
    if (typeof value === 'number') {
      this.total += value
      this.count++
    } else if (isNumeric(value)) {
      this.total += toNumber(value)
      this.count++
    }
  }

  result(): unknown {
    return this.count === 0 ? null : this.total / this.count
  }
}

/** Compiles `$avg`. */
export const avg = unaryAccumulator(() => new Avg())
