/** The `n` argument of the n-accumulators: a positive integer, evaluated on the group's first document. */
import { QueryError } from '../../errors/index.js'
import { integral } from '../expressions/helpers.js'
import type { Evaluate, Vars } from '../expressions/types.js'
import type { Doc } from '../types.js'

/** Evaluates and checks `n`. */
export function evaluateN(name: string, n: Evaluate, doc: Doc, vars: Vars): number {
  const value = integral(name, n(doc, vars), "'n'")
  if (value < 1) throw new QueryError('BAD_EXPRESSION', `${name}: 'n' must be greater than 0`)
  return value
}
