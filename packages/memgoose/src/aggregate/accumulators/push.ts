/** `$push`: every value in order (missing values are skipped). */
import { unaryAccumulator, type ValueState } from './unary.js'

class Push implements ValueState {
  values: unknown[] = []

  push(value: unknown): void {
    if (value !== undefined) this.values.push(value)
  }

  result(): unknown {
    return this.values
  }
}

/** Compiles `$push`. */
export const push = unaryAccumulator(() => new Push())
