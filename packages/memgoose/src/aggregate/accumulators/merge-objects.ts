/** `$mergeObjects`: merges the group's documents, later fields winning; null/missing skipped. */
import { mergeInto } from '../expressions/object/merge-objects.js'
import { unaryAccumulator, type ValueState } from './unary.js'

class Merge implements ValueState {
  out: Record<string, unknown> = {}

  push(value: unknown): void {
    mergeInto('$mergeObjects', this.out, value)
  }

  result(): unknown {
    return this.out
  }
}

/** Compiles `$mergeObjects`. */
export const mergeObjects = unaryAccumulator(() => new Merge())
