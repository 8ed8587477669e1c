/** `$addFields` (alias `$set`): computes fields into each document; `$$REMOVE` removes one. */
import { isPlainObject } from '../../values/bson.js'
import { mapStage } from './batches.js'
import { badStage } from './errors.js'
import { applyAddFields, parseTree } from './field-tree.js'
import type { Doc } from '../types.js'
import type { StageCompiler } from './types.js'

/** Compiles `$addFields` / `$set`. */
export const addFields: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec)) throw badStage(name, 'requires an object specification')
  const tree = parseTree(name, spec, 'addFields')
  if (tree.children.size === 0) return mapStage(name, (doc) => doc)
  return mapStage(name, (doc, rt) => applyAddFields(doc, tree, doc, rt.vars) as Doc)
}
