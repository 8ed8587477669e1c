/** `$project`: inclusion (with computed fields) or exclusion; `_id` is kept unless excluded. */
import { isPlainObject } from '../../values/bson.js'
import { mapStage } from './batches.js'
import { badStage } from './errors.js'
import { applyExclusion, applyInclusion, leafKinds, parseTree } from './field-tree.js'
import type { Doc } from '../types.js'
import type { StageCompiler } from './types.js'

/** Compiles `$project`. */
export const project: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) {
    throw badStage(name, 'requires a non-empty object specification')
  }
  const tree = parseTree(name, spec, 'project')
  const kinds = leafKinds(tree, true)
  const idNode = tree.children.get('_id')
  const exclusion = kinds.has('exclude') || (kinds.size === 0 && idNode?.kind === 'exclude')
  if (exclusion) {
    if (kinds.has('include') || kinds.has('computed')) {
      throw badStage(name, 'cannot mix inclusion or computed fields with exclusion (except _id)')
    }
    return mapStage(name, (doc) => applyExclusion(doc, tree) as Doc)
  }
  if (idNode === undefined) {
    tree.children = new Map([['_id', { kind: 'include' }], ...tree.children])
  } else if (idNode.kind === 'exclude') tree.children.delete('_id')
  return mapStage(name, (doc, rt) => applyInclusion(doc, tree, doc, rt.vars) as Doc)
}
