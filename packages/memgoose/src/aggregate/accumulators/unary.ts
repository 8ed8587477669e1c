/** Accumulators over one expression: `{ $sum: expr }` evaluates `expr` per document. */
import { QueryError } from '../../errors/index.js'
import type { Evaluate, Vars } from '../expressions/types.js'
import type { Doc } from '../types.js'
import type { AccumulatorOperator, AccumulatorState, ValueState } from './types.js'

export type { ValueState }

class Adapter implements AccumulatorState {
  readonly #input: Evaluate
  readonly #state: ValueState

  constructor(input: Evaluate, state: ValueState) {
    this.#input = input
    this.#state = state
  }

  add(doc: Doc, vars: Vars): void {
    this.#state.push(this.#input(doc, vars))
  }

  result(): unknown {
    return this.#state.result()
  }
}

/** Builds an accumulator whose state only needs each document's value of one expression. */
export function unaryAccumulator(create: () => ValueState): AccumulatorOperator {
  return (args, compile, name) => {
    if (Array.isArray(args)) {
      throw new QueryError('BAD_EXPRESSION', `The ${name} accumulator is a unary operator`)
    }
    const input = compile(args)
    return { create: () => new Adapter(input, create()), unary: { input, create } }
  }
}
