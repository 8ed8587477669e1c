/** `$match`: the query engine's filter; `$expr` inside it sees the pipeline's variables. */
import { isPlainObject } from '../../values/bson.js'
import { compileFilter } from '../../query/index.js'
import { withVars } from '../expr-hook.js'
import { batchStage } from './batches.js'
import { badStage } from './errors.js'
import type { StageCompiler } from './types.js'

/** Compiles `$match`. */
export const match: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec)) throw badStage(name, 'requires an object filter')
  const predicate = compileFilter(spec)
  return batchStage(name, (batch, rt) => withVars(rt.vars, () => batch.filter(predicate)))
}
