/**
 * `applyUpdate`: walks the compiled update tree down the document, copying only the objects and
 * arrays on the paths that actually change (copy-on-write). The input document is never written to,
 * so an error thrown half-way leaves it exactly as it was.
 */
import type { StoredDoc } from '../engine/contract.js'
import { QueryError } from '../errors/index.js'
import { isPlainObject } from '../values/bson.js'
import { resolveArrayFilters, type ArrayFilterMap } from './array-filters.js'
import { applyLeaf, REMOVE as REMOVE_MARK, type ApplyState } from './leaves.js'
import { formatElement, formatValue } from './messages.js'
import { readRenameSources } from './rename.js'
import { applyReplacement } from './replacement.js'
import { subtreesOverlap } from './tree.js'
import type { CompiledUpdate, UpdateContext, UpdateNode, UpdateResult } from './types.js'

/** MongoDB has no hard limit; this keeps `'a.99999999'` from allocating gigabytes of nulls. */
const MAX_PADDING = 1_000_000
const hasOwn = Object.prototype.hasOwnProperty
// A local binding: transpilers turn each use of an imported binding into a getter call.
const REMOVE = REMOVE_MARK

interface WalkState extends ApplyState {
  arrayFilters: ArrayFilterMap | undefined
}

/**
 * Applies a compiled update to `doc` and returns the new document and whether anything changed.
 *
 * Never mutates `doc`. The result shares every unchanged subtree with `doc` (only the objects and
 * arrays along changed paths are new), so callers that hand the result to storage or to users must
 * clone it at that boundary, as the model layer does. Throws `QueryError` (`BAD_UPDATE`,
 * `TYPE_MISMATCH`, `CONFLICTING_UPDATE`, `IMMUTABLE_FIELD`) like MongoDB when the update cannot apply.
 */
export function applyUpdate(
  doc: StoredDoc,
  compiled: CompiledUpdate,
  ctx: UpdateContext = {}
): UpdateResult {
  if (compiled.kind === 'replacement') return applyReplacement(doc, compiled.replacement)
  const state: WalkState = {
    root: doc,
    ctx,
    renameValues: compiled.renames.length === 0 ? [] : readRenameSources(doc, compiled.renames),
    now: undefined,
    arrayFilters: undefined,
  }
  if (compiled.identifiers.size > 0 || ctx.arrayFilters !== undefined) {
    state.arrayFilters = resolveArrayFilters(ctx.arrayFilters, compiled.identifiers)
  }
  const out = applyObject(compiled.root, doc, state) as StoredDoc
  if (out === doc) return { doc, modified: false }
  if (out._id !== doc._id && hasOwn.call(doc, '_id')) {
    throw new QueryError(
      'IMMUTABLE_FIELD',
      "Performing an update on the path '_id' would modify the immutable field '_id'"
    )
  }
  return { doc: out, modified: true }
}

function applyNode(node: UpdateNode, current: unknown, state: WalkState): unknown {
  if (node.leaf !== undefined) return applyLeaf(node.leaf, current, state)
  if (Array.isArray(current)) return applyArray(node, current, state)
  if (isPlainObject(current)) return applyObject(node, current, state)
  if (!node.creates) return current
  if (current === undefined) return applyMissing(node, state)
  if (node.arrayOps) throw nonArray(node, current, state)
  const creating = node.nodes.findIndex((n) => n.creates)
  throw cannotCreate(node.keys[creating], node.field, current)
}

function applyObject(
  node: UpdateNode,
  obj: Record<string, unknown>,
  state: WalkState
): Record<string, unknown> {
  if (node.arrayOps) throw nonArray(node, obj, state)
  let out = obj
  const { keys, nodes } = node
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]
    const had = hasOwn.call(obj, key)
    const child = had ? obj[key] : undefined
    const next = applyNode(nodes[i], child, state)
    if (next === child || (next === REMOVE && !had)) continue
    if (out === obj) out = copyObject(obj)
    if (next === REMOVE) delete out[key]
    else out[key] = next
  }
  return out
}

function applyMissing(node: UpdateNode, state: WalkState): Record<string, unknown> | undefined {
  if (node.arrayOps) {
    positionalIndex(node, state)
    throw new QueryError(
      'BAD_UPDATE',
      `The path '${node.path}' must exist in the document in order to apply array updates.`
    )
  }
  let out: Record<string, unknown> | undefined
  for (let i = 0; i < node.keys.length; i++) {
    const next = applyNode(node.nodes[i], undefined, state)
    if (next === undefined || next === REMOVE) continue
    out ??= {}
    out[node.keys[i]] = next
  }
  return out
}

interface Target {
  readonly index: number
  readonly node: UpdateNode
}

function applyArray(node: UpdateNode, array: unknown[], state: WalkState): unknown[] {
  const targets = arrayTargets(node, array, state)
  let out = array
  for (let t = 0; t < targets.length; t++) {
    const { index, node: child } = targets[t]
    for (let p = t - 1; p >= 0 && targets[p].index === index; p--) {
      if (subtreesOverlap(targets[p].node, child)) {
        throw new QueryError(
          'CONFLICTING_UPDATE',
          `Update created a conflict at '${node.path}.${index}'`
        )
      }
    }
    const current = index < out.length ? out[index] : undefined
    const next = applyNode(child, current, state)
    if (next === current || (next === REMOVE && index >= out.length)) continue
    if (out === array) out = array.slice()
    if (index > out.length + MAX_PADDING) {
      throw new QueryError('BAD_UPDATE', `Cannot pad the array '${node.path}' to index ${index}`)
    }
    while (out.length < index) out.push(null)
    out[index] = next === REMOVE ? null : next
  }
  return out
}

function arrayTargets(node: UpdateNode, array: unknown[], state: WalkState): Target[] {
  const targets: Target[] = []
  for (let i = 0; i < node.keys.length; i++) {
    const index = arrayIndex(node.keys[i])
    if (index >= 0) targets.push({ index, node: node.nodes[i] })
    else if (node.nodes[i].creates) throw cannotCreate(node.keys[i], node.field, array)
  }
  if (!node.arrayOps) return targets
  if (node.positional !== undefined) {
    targets.push({ index: positionalIndex(node, state) as number, node: node.positional })
  }
  if (node.all !== undefined) {
    for (let i = 0; i < array.length; i++) targets.push({ index: i, node: node.all })
  }
  for (const { id, node: child } of node.filtered) {
    const matches = (state.arrayFilters as ArrayFilterMap).get(id) as (e: unknown) => boolean
    for (let i = 0; i < array.length; i++)
      if (matches(array[i])) targets.push({ index: i, node: child })
  }
  // Stable: children landing on one element apply in field order, after conflict checks.
  return targets.sort((a, b) => a.index - b.index)
}

/** The index the query matched for the `$` child of `node` (throws when there is none). */
function positionalIndex(node: UpdateNode, state: WalkState): number | undefined {
  if (node.positional === undefined) return undefined
  const index = state.ctx.positionalIndex?.(node.path)
  if (index === undefined) {
    throw new QueryError(
      'BAD_UPDATE',
      'The positional operator did not find the match needed from the query.'
    )
  }
  return index
}

function arrayIndex(key: string): number {
  const code = key.charCodeAt(0)
  if (code < 48 || code > 57 || (code === 48 && key.length > 1)) return -1
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i)
    if (c < 48 || c > 57) return -1
  }
  return Number(key)
}

function copyObject(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.getPrototypeOf(obj) === null ? Object.assign(Object.create(null), obj) : { ...obj }
}

function cannotCreate(key: string, field: string, current: unknown): QueryError {
  return new QueryError(
    'BAD_UPDATE',
    `Cannot create field '${key}' in element ${formatElement(field, current)}`
  )
}

function nonArray(node: UpdateNode, current: unknown, state: WalkState): QueryError {
  positionalIndex(node, state)
  return new QueryError(
    'BAD_UPDATE',
    `Cannot apply array updates to non-array element ${node.field}: ${formatValue(current)}`
  )
}
