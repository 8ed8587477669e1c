/** Types of the `$group` / `$setWindowFields` accumulators. */
import type { Doc } from '../types.js'
import type { CompileFn, Evaluate, Vars } from '../expressions/types.js'

/** The running state of one accumulator for one group. */
export interface AccumulatorState {
  /** Feeds one document of the group. */
  add(doc: Doc, vars: Vars): void
  /** The accumulated value (`undefined` leaves the field out). */
  result(): unknown
}

/** The state of a unary accumulator, fed with the value of its expression. */
export interface ValueState {
  push(value: unknown): void
  result(): unknown
}

/** A compiled accumulator: makes a fresh state per group. */
export interface CompiledAccumulator {
  create(): AccumulatorState
  /**
   * For unary accumulators (`{ $sum: expr }`): the expression and a state fed with its value, so
   * `$group` can evaluate inputs itself and skip a layer of indirection per document.
   */
  readonly unary?: { readonly input: Evaluate; create(): ValueState }
}

/** Compiles an accumulator's argument. `name` is the operator (`'$sum'`). */
export type AccumulatorOperator = (
  args: unknown,
  compile: CompileFn,
  name: string
) => CompiledAccumulator
