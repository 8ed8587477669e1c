/**
 * Shared core of `$top`, `$bottom`, `$topN` and `$bottomN`: `{ sortBy, output, n? }`. Keeps only the
 * best n documents (binary insertion into a bounded sorted list), so memory stays O(n) per group.
 */
import { QueryError } from '../../errors/index.js'
import { isPlainObject } from '../../values/bson.js'
import { compileSort } from '../../query/index.js'
import { compileSpec } from '../expressions/helpers.js'
import type { Evaluate, Vars } from '../expressions/types.js'
import type { Doc } from '../types.js'
import { evaluateN } from './n-arg.js'
import type { AccumulatorOperator, AccumulatorState } from './types.js'

type Comparator = (a: unknown, b: unknown) => number

class Ranked implements AccumulatorState {
  readonly #name: string
  readonly #compare: Comparator
  readonly #output: Evaluate
  readonly #n: Evaluate | undefined
  readonly #reversed: boolean
  #limit = 0
  readonly #docs: Doc[] = []
  readonly #values: unknown[] = []

  constructor(
    name: string,
    compare: Comparator,
    output: Evaluate,
    n: Evaluate | undefined,
    reversed: boolean
  ) {
    this.#name = name
    this.#reversed = reversed
    this.#compare = compare
    this.#output = output
    this.#n = n
  }

  add(doc: Doc, vars: Vars): void {
    if (this.#limit === 0) this.#limit = this.#n ? evaluateN(this.#name, this.#n, doc, vars) : 1
    const docs = this.#docs
    if (docs.length === this.#limit && this.#compare(doc, docs[docs.length - 1]) >= 0) return
    let lo = 0
    let hi = docs.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.#compare(doc, docs[mid]) < 0) hi = mid
      else lo = mid + 1
    }
    const value = this.#output(doc, vars)
    docs.splice(lo, 0, doc)
    this.#values.splice(lo, 0, value === undefined ? null : value)
    if (docs.length > this.#limit) {
      docs.pop()
      this.#values.pop()
    }
  }

  result(): unknown {
    // Bottom-n is kept best-first under the reversed order; it is reported in sortBy order.
    if (this.#n) return this.#reversed ? this.#values.slice().reverse() : this.#values
    return this.#values[0] ?? null
  }
}

/** Builds a ranked accumulator; `bottom` reverses the sort, `many` takes an `n`. */
export function ranked(bottom: boolean, many: boolean): AccumulatorOperator {
  return (args, compile, name) => {
    if (!isPlainObject(args) || !isPlainObject(args.sortBy)) {
      throw new QueryError(
        'BAD_EXPRESSION',
        `${name} requires { sortBy: {...}, output${many ? ', n' : ''} }`
      )
    }
    // sortBy is a sort specification, not an expression: checked here, compiled by compileSort.
    const { sortBy: _sortBy, ...rest } = args
    const spec = compileSpec(name, rest, compile, many ? ['output', 'n'] : ['output'])
    const sort = compileSort(args.sortBy)
    const compare: Comparator = bottom ? (a, b) => sort(b, a) : sort
    return {
      create: () => new Ranked(name, compare, spec.output!, many ? spec.n : undefined, bottom),
    }
  }
}
