/** `$first`: the value of the group's first document (missing becomes null). */
import { unaryAccumulator, type ValueState } from './unary.js'

class First implements ValueState {
  seen = false
  value: unknown = null

  push(value: unknown): void {
    if (this.seen) return
    this.seen = true
    this.value = value === undefined ? null : value
  }

  result(): unknown {
    return this.value
  }
}

/** Compiles `$first`. */
export const first = unaryAccumulator(() => new First())
