/** Compiles `{ $acc: args }` field specifications of `$group`-like stages. */
import { QueryError } from '../../errors/index.js'
import { isPlainObject } from '../../values/bson.js'
import { compileExpression } from '../expressions/compile.js'
import { accumulators } from './index.js'
import type { CompiledAccumulator } from './types.js'

/** Compiles one accumulator field (`total: { $sum: '$n' }`); `stage` names the stage in errors. */
export function compileAccumulator(
  stage: string,
  field: string,
  spec: unknown
): CompiledAccumulator {
  if (!isPlainObject(spec) || Object.keys(spec).length !== 1) {
    throw new QueryError(
      'BAD_STAGE',
      `${stage}: the field "${field}" must be an accumulator object`
    )
  }
  const name = Object.keys(spec)[0]
  const op = Object.hasOwn(accumulators, name) ? accumulators[name] : undefined
  if (!op)
    throw new QueryError('UNKNOWN_OPERATOR', `${stage}: unknown accumulator ${name} for "${field}"`)
  return op(spec[name], compileExpression, name)
}
