/** `$count`: `{ $count: {} }`, the number of documents in the group. */
import { QueryError } from '../../errors/index.js'
import { isPlainObject } from '../../values/bson.js'
import type { AccumulatorOperator, AccumulatorState } from './types.js'

class Count implements AccumulatorState {
  n = 0

  add(): void {
    this.n++
  }

  result(): unknown {
    return this.n
  }
}

/** Compiles `$count`. */
export const count: AccumulatorOperator = (args, _compile, name) => {
  if (!isPlainObject(args) || Object.keys(args).length > 0) {
    throw new QueryError('BAD_EXPRESSION', `${name} takes an empty document: { ${name}: {} }`)
  }
  return { create: () => new Count() }
}
