/** `$addToSet`: the distinct values (missing skipped), in first-seen order. */
import { ValueSet } from '../value-set.js'
import { unaryAccumulator, type ValueState } from './unary.js'

class AddToSet implements ValueState {
  set = new ValueSet()

  push(value: unknown): void {
    if (value !== undefined) this.set.add(value)
  }

  result(): unknown {
    return this.set.values()
  }
}

/** Compiles `$addToSet`. */
export const addToSet = unaryAccumulator(() => new AddToSet())
