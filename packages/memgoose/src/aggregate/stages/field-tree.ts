/**
 * The field trees behind `$project`, `$addFields`/`$set` and `$unset`: a specification (dotted keys
 * or nested objects) parsed once into a tree of include / exclude / computed leaves, then applied to
 * each document without re-reading the specification.
 */
import { isPlainObject } from '../../values/bson.js'
import { splitPath } from '../../values/paths.js'
import { compileExpression } from '../expressions/compile.js'
import { isTraversable } from '../expressions/field-path.js'
import type { Evaluate, Vars } from '../expressions/types.js'
import type { Doc } from '../types.js'
import { badStage } from './errors.js'

/** A node of a field tree. */
export type FieldNode =
  { kind: 'include' } | { kind: 'exclude' } | { kind: 'computed'; fn: Evaluate } | NestedNode

/** An inner node: children in specification order. */
export interface NestedNode {
  kind: 'nested'
  children: Map<string, FieldNode>
  /** True when a computed leaf sits somewhere below. */
  computed: boolean
}

/** How a specification's leaves are read. */
export type TreeMode = 'project' | 'addFields'

function nested(): NestedNode {
  return { kind: 'nested', children: new Map(), computed: false }
}

function isOperatorObject(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value)
  return keys.length === 1 && keys[0].startsWith('$')
}

function leaf(stage: string, path: string, value: unknown, mode: TreeMode): FieldNode {
  if (mode === 'project') {
    if (value === false || value === 0) return { kind: 'exclude' }
    if (value === true || typeof value === 'number') return { kind: 'include' }
  }
  try {
    return { kind: 'computed', fn: compileExpression(value) }
  } catch (err) {
    if (err instanceof Error && 'code' in err) {
      ;(err as Error).message = `${stage}: field "${path}": ${(err as Error).message}`
    }
    throw err
  }
}

/** Parses a specification into a tree. Throws BAD_STAGE on path collisions or empty objects. */
export function parseTree(
  stage: string,
  spec: Record<string, unknown>,
  mode: TreeMode
): NestedNode {
  const root = nested()
  const insert = (parent: NestedNode, prefix: string, key: string, value: unknown): void => {
    if (key.startsWith('$'))
      throw badStage(stage, `field names cannot start with "$": ${prefix}${key}`)
    const parts = splitPath(key)
    let node = parent
    for (let i = 0; i < parts.length - 1; i++) {
      let child = node.children.get(parts[i])
      if (child === undefined) {
        child = nested()
        node.children.set(parts[i], child)
      } else if (child.kind !== 'nested') {
        throw badStage(stage, `path collision at ${prefix}${parts.slice(0, i + 1).join('.')}`)
      }
      node = child
    }
    const last = parts[parts.length - 1]
    const path = prefix + key
    if (isPlainObject(value) && !isOperatorObject(value)) {
      const keys = Object.keys(value)
      if (keys.length === 0) {
        if (mode === 'project')
          throw badStage(stage, `an empty object is not a valid value for "${path}"`)
      } else {
        let child = node.children.get(last)
        if (child === undefined) {
          child = nested()
          node.children.set(last, child)
        } else if (child.kind !== 'nested') throw badStage(stage, `path collision at ${path}`)
        for (const k of keys) insert(child, `${path}.`, k, value[k])
        return
      }
    }
    if (node.children.has(last)) throw badStage(stage, `path collision at ${path}`)
    node.children.set(last, leaf(stage, path, value, mode))
  }
  for (const key of Object.keys(spec)) insert(root, '', key, spec[key])
  markComputed(root)
  return root
}

function markComputed(node: NestedNode): boolean {
  let computed = false
  for (const child of node.children.values()) {
    if (child.kind === 'computed') computed = true
    else if (child.kind === 'nested' && markComputed(child)) computed = true
  }
  node.computed = computed
  return computed
}

/** Counts the leaves of each kind (for deciding inclusion vs exclusion). */
export function leafKinds(
  node: NestedNode,
  skipTopId: boolean,
  out = new Set<string>()
): Set<string> {
  for (const [key, child] of node.children) {
    if (skipTopId && key === '_id') continue
    if (child.kind === 'nested') leafKinds(child, false, out)
    else out.add(child.kind)
  }
  return out
}

/** Inclusion projection of `value` under `node`; undefined when nothing is kept. */
export function applyInclusion(value: unknown, node: NestedNode, root: Doc, vars: Vars): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = []
    for (const el of value) {
      if (Array.isArray(el) || isTraversable(el)) out.push(applyInclusion(el, node, root, vars))
      else if (node.computed) out.push(applyInclusion(undefined, node, root, vars))
    }
    return out
  }
  const obj = isTraversable(value) ? value : undefined
  if (obj === undefined && !node.computed) return undefined
  const out: Doc = {}
  if (obj) {
    for (const key of Object.keys(obj)) {
      const child = node.children.get(key)
      if (child === undefined) continue
      if (child.kind === 'include') out[key] = obj[key]
      else if (child.kind === 'nested' && !child.computed) {
        const v = applyInclusion(obj[key], child, root, vars)
        if (v !== undefined) out[key] = v
      }
    }
  }
  if (node.computed) {
    for (const [key, child] of node.children) {
      if (child.kind === 'computed') {
        const v = child.fn(root, vars)
        if (v !== undefined) out[key] = v
      } else if (child.kind === 'nested' && child.computed) {
        const v = applyInclusion(obj?.[key], child, root, vars)
        if (v !== undefined) out[key] = v
      }
    }
  }
  return out
}

/** Exclusion projection of `value` under `node`. */
export function applyExclusion(value: unknown, node: NestedNode): unknown {
  if (Array.isArray(value)) return value.map((el) => applyExclusion(el, node))
  if (!isTraversable(value)) return value
  const out: Doc = {}
  for (const key of Object.keys(value)) {
    const child = node.children.get(key)
    if (child === undefined) out[key] = value[key]
    else if (child.kind === 'nested') out[key] = applyExclusion(value[key], child)
  }
  return out
}

/** `$addFields` of `node`'s computed leaves into (a copy of) `value`; `$$REMOVE` deletes. */
export function applyAddFields(value: unknown, node: NestedNode, root: Doc, vars: Vars): unknown {
  if (Array.isArray(value)) return value.map((el) => applyAddFields(el, node, root, vars))
  const out: Doc = isTraversable(value) ? { ...value } : {}
  for (const [key, child] of node.children) {
    if (child.kind === 'computed') {
      const v = child.fn(root, vars)
      if (v === undefined) delete out[key]
      else out[key] = v
    } else if (child.kind === 'nested') out[key] = applyAddFields(out[key], child, root, vars)
  }
  return out
}
