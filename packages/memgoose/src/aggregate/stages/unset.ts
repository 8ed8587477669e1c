/** `$unset`: removes one or more fields (a string or an array of strings). */
import { mapStage } from './batches.js'
import { badStage } from './errors.js'
import { applyExclusion, parseTree } from './field-tree.js'
import type { Doc } from '../types.js'
import type { StageCompiler } from './types.js'

/** Compiles `$unset`. */
export const unset: StageCompiler = (spec, _env, name) => {
  const fields = typeof spec === 'string' ? [spec] : spec
  if (
    !Array.isArray(fields) ||
    fields.length === 0 ||
    !fields.every((f) => typeof f === 'string' && f !== '')
  ) {
    throw badStage(name, 'requires a field name or a non-empty array of field names')
  }
  const tree = parseTree(name, Object.fromEntries(fields.map((f) => [f, 0])), 'project')
  return mapStage(name, (doc) => applyExclusion(doc, tree) as Doc)
}
