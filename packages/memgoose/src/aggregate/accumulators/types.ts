/** Types of the `$group` / `$setWindowFields` accumulators. */
import type { Doc } from '../types.js'
import type { CompileFn, Vars } from '../expressions/types.js'

/** The running state of one accumulator for one group. */
export interface AccumulatorState {
  /** Feeds one document of the group. */
  add(doc: Doc, vars: Vars): void
  /** The accumulated value (`undefined` leaves the field out). */
  result(): unknown
}

/** A compiled accumulator: makes a fresh state per group. */
export interface CompiledAccumulator {
  create(): AccumulatorState
}

/** Compiles an accumulator's argument. `name` is the operator (`'$sum'`). */
export type AccumulatorOperator = (
  args: unknown,
  compile: CompileFn,
  name: string
) => CompiledAccumulator
