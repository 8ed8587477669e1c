/** `$replaceRoot` (`{ newRoot }`) and `$replaceWith` (the expression itself): the value must be a document. */
import { isPlainObject } from '../../values/bson.js'
import { bsonTypeAlias } from '../../values/type-order.js'
import { QueryError } from '../../errors/index.js'
import { compileExpression } from '../expressions/compile.js'
import { mapStage } from './batches.js'
import { badStage } from './errors.js'
import type { StageCompiler } from './types.js'

/** Compiles `$replaceRoot` / `$replaceWith`. */
export const replaceRoot: StageCompiler = (spec, _env, name) => {
  let expr: unknown = spec
  if (name === '$replaceRoot') {
    if (!isPlainObject(spec) || !('newRoot' in spec) || Object.keys(spec).length !== 1) {
      throw badStage(name, 'requires { newRoot: <expression> }')
    }
    expr = spec.newRoot
  }
  const newRoot = compileExpression(expr)
  return mapStage(name, (doc, rt) => {
    const v = newRoot(doc, rt.vars)
    if (!isPlainObject(v)) {
      throw new QueryError(
        'TYPE_MISMATCH',
        `${name}: 'newRoot' must evaluate to a document, got ${bsonTypeAlias(v)}`
      )
    }
    return v
  })
}
