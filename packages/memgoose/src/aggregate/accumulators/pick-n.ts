/**
 * Shared core of the `$firstN`, `$lastN`, `$maxN` and `$minN` accumulators: `{ input, n }`.
 * First/last keep null values (missing becomes null); max/min skip null and missing.
 */
import { compareValues } from '../../values/compare.js'
import { compileSpec } from '../expressions/helpers.js'
import type { Evaluate, Vars } from '../expressions/types.js'
import type { Doc } from '../types.js'
import { evaluateN } from './n-arg.js'
import type { AccumulatorOperator, AccumulatorState } from './types.js'

type Mode = 'first' | 'last' | 'max' | 'min'

class PickN implements AccumulatorState {
  readonly #name: string
  readonly #mode: Mode
  readonly #input: Evaluate
  readonly #n: Evaluate
  #limit = 0
  #values: unknown[] = []

  constructor(name: string, mode: Mode, input: Evaluate, n: Evaluate) {
    this.#name = name
    this.#mode = mode
    this.#input = input
    this.#n = n
  }

  add(doc: Doc, vars: Vars): void {
    if (this.#limit === 0) this.#limit = evaluateN(this.#name, this.#n, doc, vars)
    const values = this.#values
    if (this.#mode === 'first' && values.length >= this.#limit) return
    let v = this.#input(doc, vars)
    if (this.#mode === 'first' || this.#mode === 'last') {
      if (v === undefined) v = null
      values.push(v)
      if (values.length > this.#limit) values.shift()
      return
    }
    if (v === null || v === undefined) return
    const sign = this.#mode === 'max' ? -1 : 1
    let i = values.length
    while (i > 0 && sign * compareValues(v, values[i - 1]) < 0) i--
    if (i >= this.#limit) return
    values.splice(i, 0, v)
    if (values.length > this.#limit) values.pop()
  }

  result(): unknown {
    return this.#values
  }
}

/** Builds one of the n-accumulators. */
export function pickN(mode: Mode): AccumulatorOperator {
  return (args, compile, name) => {
    const spec = compileSpec(name, args, compile, ['input', 'n'] as const)
    return { create: () => new PickN(name, mode, spec.input!, spec.n!) }
  }
}
