/** `$last`: the value of the group's last document (missing becomes null). */
import { unaryAccumulator, type ValueState } from './unary.js'

class Last implements ValueState {
  value: unknown = null

  push(value: unknown): void {
    this.value = value === undefined ? null : value
  }

  result(): unknown {
    return this.value
  }
}

/** Compiles `$last`. */
export const last = unaryAccumulator(() => new Last())
