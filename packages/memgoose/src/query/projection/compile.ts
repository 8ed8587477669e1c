/**
 * compileProjection: applies a validated projection to documents. The result is a new object (and
 * new subdocuments/arrays along every projected path); values the projection does not reach into are
 * shared with the input, so a caller that hands results out must clone them (the model layer clones
 * once anyway).
 */
import { QueryError } from '../../errors/index.js'
import { compileFilter, topLevelConditionsOf } from '../filter/compile.js'
import { hasConditionOn, matchedArrayIndex } from '../filter/positional.js'
import type { ValueTest } from '../filter/walk.js'
import { fieldOf, isTraversable } from '../filter/walk.js'
import { validateProjection } from './spec.js'
import type { ProjectionAction, ProjectionInput } from './spec.js'

/** A compiled projection: returns a new, projected document. */
export type CompiledProjection = (doc: Record<string, unknown>) => Record<string, unknown>

interface Node {
  action?: ProjectionAction
  elementTest?: ValueTest
  children?: Map<string, Node>
}

function buildTree(paths: ReadonlyMap<string, ProjectionAction>): Map<string, Node> {
  const root = new Map<string, Node>()
  for (const [path, action] of paths) {
    const parts = path.split('.')
    let level = root
    for (let i = 0; i < parts.length; i++) {
      let node = level.get(parts[i])
      if (node === undefined) {
        node = {}
        level.set(parts[i], node)
      }
      if (i === parts.length - 1) {
        node.action = action
        if (action.kind === 'elemMatch') {
          const compiled = compileFilter({ [path]: { $elemMatch: action.filter } })
          const cond = topLevelConditionsOf(compiled)[0].cond
          node.elementTest = cond.kind === 'leaf' ? cond.elementTest : undefined
        }
      } else {
        node.children ??= new Map()
        level = node.children
      }
    }
  }
  return root
}

function sliced(value: unknown, action: { skip: number; limit: number }): unknown {
  if (!Array.isArray(value)) return value
  const start = action.skip < 0 ? Math.max(0, value.length + action.skip) : action.skip
  return value.slice(start, start + action.limit)
}

/** The projected value of a leaf, or undefined to leave the field out. */
function applyLeaf(node: Node, value: unknown, position: number | undefined): unknown {
  const action = node.action as ProjectionAction
  switch (action.kind) {
    case 'slice':
      return sliced(value, action)
    case 'elemMatch': {
      if (!Array.isArray(value)) return undefined
      const test = node.elementTest as ValueTest
      for (const el of value) if (test(el)) return [el]
      return undefined
    }
    case 'positional':
      if (!Array.isArray(value) || position === undefined || position >= value.length)
        return undefined
      return [value[position]]
    default:
      return value
  }
}

function include(value: unknown, tree: Map<string, Node>, position: number | undefined): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = []
    for (const el of value) {
      if (Array.isArray(el) || isTraversable(el)) out.push(include(el, tree, position))
    }
    return out
  }
  if (!isTraversable(value)) return undefined
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const node = tree.get(key)
    if (node === undefined) continue
    const field = fieldOf(value, key)
    const projected = node.children
      ? include(field, node.children, position)
      : applyLeaf(node, field, position)
    if (projected !== undefined) out[key] = projected
  }
  return out
}

function exclude(value: unknown, tree: Map<string, Node>): unknown {
  if (Array.isArray(value)) {
    return value.map((el) => (Array.isArray(el) || isTraversable(el) ? exclude(el, tree) : el))
  }
  if (!isTraversable(value)) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value)) {
    const node = tree.get(key)
    const field = value[key]
    if (node === undefined) out[key] = field
    else if (node.children) out[key] = exclude(field, node.children)
    else if (node.action?.kind !== 'exclude') {
      const projected = applyLeaf(node, field, undefined)
      if (projected !== undefined) out[key] = projected
    }
  }
  return out
}

/**
 * Compiles a projection (see validateProjection for the accepted forms) into a function returning
 * a new projected document. `filter` is needed by a positional `field.$` projection, which keeps
 * the first array element the filter matched.
 */
export function compileProjection(
  projection: ProjectionInput,
  filter?: Record<string, unknown>
): CompiledProjection {
  const spec = validateProjection(projection)
  let positionalPath: string | undefined
  for (const [path, action] of spec.paths) if (action.kind === 'positional') positionalPath = path
  if (
    positionalPath !== undefined &&
    (filter === undefined || !hasConditionOn(filter, positionalPath))
  ) {
    throw new QueryError(
      'BAD_PROJECTION',
      `The positional projection "${positionalPath}.$" needs a filter condition on "${positionalPath}"`
    )
  }
  const tree = buildTree(spec.paths)
  const { includeId } = spec
  if (spec.mode === 'exclusion') {
    if (!includeId) tree.set('_id', { action: { kind: 'exclude' } })
    if (tree.size === 0) return (doc) => ({ ...doc })
    return (doc) => exclude(doc, tree) as Record<string, unknown>
  }
  if (includeId) tree.set('_id', { action: { kind: 'include' } })
  if (positionalPath === undefined)
    return (doc) => include(doc, tree, undefined) as Record<string, unknown>
  const arrayPath = positionalPath
  const positionalFilter = filter as Record<string, unknown>
  return (doc) =>
    include(doc, tree, matchedArrayIndex(positionalFilter, doc, arrayPath)) as Record<
      string,
      unknown
    >
}
