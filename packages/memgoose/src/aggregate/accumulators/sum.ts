/** `$sum`: total of the numeric values (others ignored); 0 for none. */
import { toNumber } from '../../values/compare.js'
import { isNumeric } from '../expressions/helpers.js'
import { unaryAccumulator, type ValueState } from './unary.js'

class Sum implements ValueState {
  total = 0

  push(value: unknown): void {
    if (typeof value === 'number') this.total += value
    else if (isNumeric(value)) this.total += toNumber(value)
  }

  result(): unknown {
    return this.total
  }
}

/** Compiles `$sum`. */
export const sum = unaryAccumulator(() => new Sum())
