/**
 * The update tree: every operator path split once into segments and merged into one tree, so that
 * conflicting paths (`a` and `a.b`, or the same path under two operators) are found at compile time
 * and applying walks each touched spine of the document once.
 */
import { QueryError } from '../errors/index.js'
import { compareStrings } from '../values/compare.js'
import { splitPath } from '../values/paths.js'
import type { Leaf, UpdateNode } from './types.js'

const IDENTIFIER = /^\$\[([a-z][a-zA-Z0-9]*)\]$/
const DIGITS = /^\d+$/

/** The kinds of path segment an update may use. */
export type Segment =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'positional' }
  | { readonly kind: 'all' }
  | { readonly kind: 'filtered'; readonly id: string }

/** A tree under construction: children by raw segment text. */
export interface DraftNode {
  readonly path: string
  readonly field: string
  leaf?: Leaf
  readonly children: Map<string, DraftNode>
}

/** A fresh root for `addLeaf`. */
export function draftRoot(): DraftNode {
  return { path: '', field: '', children: new Map() }
}

/**
 * Splits and validates an update path. Rejects empty segments, `$`-prefixed names that are not
 * positional operators, a positional operator in first position and more than one `$`.
 */
export function parseUpdatePath(path: string, op: string): readonly string[] {
  if (typeof path !== 'string' || path === '') {
    throw new QueryError('BAD_UPDATE', `An empty update path is not valid (in ${op}).`)
  }
  const parts = splitPath(path)
  let positionals = 0
  for (let i = 0; i < parts.length; i++) {
    if (isPlainField(parts[i])) continue
    const seg = classify(parts[i], path)
    if (seg.kind === 'field') continue
    if (i === 0) {
      throw new QueryError(
        'BAD_UPDATE',
        seg.kind === 'positional'
          ? `Cannot have positional (i.e. '$') element in the first position in path '${path}'`
          : `Cannot have array filter identifier (i.e. '$[<id>]') element in the first position in path '${path}'`
      )
    }
    if (seg.kind === 'positional' && ++positionals > 1) {
      throw new QueryError(
        'BAD_UPDATE',
        `Too many positional (i.e. '$') elements found in path '${path}'`
      )
    }
  }
  return parts
}

/** True for a non-empty segment that is not `$`-prefixed (the common case, checked without allocating). */
export function isPlainField(part: string): boolean {
  return part.length > 0 && part.charCodeAt(0) !== 36 /* $ */
}

/** Classifies one segment of `path`. */
export function classify(part: string, path: string): Segment {
  if (part === '') {
    throw new QueryError(
      'BAD_UPDATE',
      `The update path '${path}' contains an empty field name, which is not allowed.`
    )
  }
  if (part.charCodeAt(0) !== 36 /* $ */) return { kind: 'field', name: part }
  if (part === '$') return { kind: 'positional' }
  if (part === '$[]') return { kind: 'all' }
  const m = IDENTIFIER.exec(part)
  if (m !== null) return { kind: 'filtered', id: m[1] }
  throw new QueryError(
    'BAD_UPDATE',
    `The dollar ($) prefixed field '${part}' in '${path}' is not valid for storage.`
  )
}

/** Adds a leaf at `parts`, throwing `CONFLICTING_UPDATE` when it overlaps a path already present. */
export function addLeaf(root: DraftNode, parts: readonly string[], leaf: Leaf): void {
  let node = root
  for (const part of parts) {
    if (node.leaf !== undefined) throw conflict(leaf.path, node.path)
    let child = node.children.get(part)
    if (child === undefined) {
      child = {
        path: node.path === '' ? part : `${node.path}.${part}`,
        field: part,
        children: new Map(),
      }
      node.children.set(part, child)
    }
    node = child
  }
  if (node.leaf !== undefined || node.children.size > 0) throw conflict(leaf.path, node.path)
  node.leaf = leaf
}

function conflict(path: string, at: string): QueryError {
  return new QueryError(
    'CONFLICTING_UPDATE',
    `Updating the path '${path}' would create a conflict at '${at}'`
  )
}

/** MongoDB (5.0+) order of field processing: numeric names numerically, others lexicographically. */
export function compareFieldNames(a: string, b: string): number {
  if (DIGITS.test(a) && DIGITS.test(b)) return a.length - b.length || compareStrings(a, b)
  return compareStrings(a, b)
}

/** Freezes a draft into the `UpdateNode` tree `applyUpdate` walks. */
export function finalizeTree(draft: DraftNode): UpdateNode {
  const node: UpdateNode = {
    path: draft.path,
    field: draft.field,
    leaf: draft.leaf,
    keys: [],
    nodes: [],
    filtered: [],
    creates: draft.leaf !== undefined && createsFields(draft.leaf),
    arrayOps: false,
  }
  const names = [...draft.children.keys()]
  if (names.length > 1) names.sort(compareFieldNames)
  for (const name of names) {
    const child = finalizeTree(draft.children.get(name) as DraftNode)
    node.creates ||= child.creates
    if (isPlainField(name)) {
      node.keys.push(name)
      node.nodes.push(child)
      continue
    }
    const seg = classify(name, draft.path)
    node.arrayOps = true
    if (seg.kind === 'positional') node.positional = child
    else if (seg.kind === 'all') node.all = child
    else if (seg.kind === 'filtered') node.filtered.push({ id: seg.id, node: child })
  }
  const arrayFilterChild = node.all ?? node.filtered[0]?.node
  if (arrayFilterChild !== undefined && (node.keys.length > 0 || node.positional !== undefined)) {
    // As in MongoDB, `$[]`/`$[<id>]` may only share a parent with each other: `a.$[]` with `a.0`
    // or `a.$` is rejected up front, while `$[i]` and `$[j]` conflict only on a shared element.
    throw conflict(firstLeafPath(arrayFilterChild), node.path)
  }
  return node
}

function firstLeafPath(node: UpdateNode): string {
  if (node.leaf !== undefined) return node.leaf.path
  const next = node.nodes[0] ?? node.positional ?? node.all ?? node.filtered[0]?.node
  return next === undefined ? node.path : firstLeafPath(next)
}

/** Leaves that write where nothing exists (so a missing or scalar parent is an error or a creation). */
function createsFields(leaf: Leaf): boolean {
  switch (leaf.kind) {
    case 'unset':
    case 'pop':
    case 'pull':
    case 'pullAll':
    case 'renameFrom':
      return false
    default:
      return true
  }
}

/**
 * True when two subtrees applied to the same array element could touch the same path (checked only
 * when `$`, `$[]` or `$[<id>]` make two children land on one element).
 */
export function subtreesOverlap(a: UpdateNode, b: UpdateNode): boolean {
  if (a.leaf !== undefined || b.leaf !== undefined) return true
  if (a.arrayOps || b.arrayOps) return true
  for (let i = 0; i < a.keys.length; i++) {
    const j = b.keys.indexOf(a.keys[i])
    if (j !== -1 && subtreesOverlap(a.nodes[i], b.nodes[j])) return true
  }
  return false
}
