/** `$group`: `{ _id: expr, field: { $accumulator: expr } ... }`. */
import { isPlainObject } from '../../values/bson.js'
import { compileExpression } from '../expressions/compile.js'
import { badStage } from './errors.js'
import { Grouper, compileGroupFields } from './grouping.js'
import type { Doc } from '../types.js'
import type { StageCompiler } from './types.js'

/** Compiles `$group`. */
export const group: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec) || !('_id' in spec))
    throw badStage(name, 'a group specification must include an _id')
  const id = compileExpression(spec._id)
  const fields = compileGroupFields(name, spec, '_id')
  return {
    name,
    async *run(input, rt) {
      const grouper = new Grouper(fields)
      const vars = rt.vars
      for await (const batch of input) {
        for (let i = 0; i < batch.length; i++) grouper.add(id(batch[i], vars), batch[i], vars)
      }
      let out: Doc[] = []
      for (const g of grouper.groups()) {
        out.push(grouper.output(g))
        if (out.length >= 1024) {
          yield out
          out = []
        }
      }
      if (out.length > 0) yield out
    },
  }
}
