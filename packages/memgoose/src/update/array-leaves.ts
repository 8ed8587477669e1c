/**
 * The array operators: `$push` (with `$each $position $sort $slice`), `$addToSet`, `$pop`, `$pull`
 * and `$pullAll`. Each builds a new array and returns `current` itself when nothing changed.
 */
import { QueryError } from '../errors/index.js'
import { cloneValue } from '../values/clone.js'
import { compareValues, valuesEqual } from '../values/compare.js'
import { getPath } from '../values/paths.js'
import { bsonTypeAlias } from '../values/type-order.js'
import { formatId } from './messages.js'
import { sameValue } from './same-value.js'
import type { Leaf, PushSpec } from './types.js'

/** Applies an array leaf to `current` (undefined when missing); `root` names the document in errors. */
export function applyArrayLeaf(
  leaf: Leaf,
  current: unknown,
  root: Record<string, unknown>
): unknown {
  if (current !== undefined && !Array.isArray(current)) throw notAnArray(leaf, current, root)
  const array = current as unknown[] | undefined
  switch (leaf.kind) {
    case 'push':
      return push(leaf.push as PushSpec, array)
    case 'addToSet':
      return addToSet(leaf.arg as readonly unknown[], array)
    case 'pop':
      if (array === undefined || array.length === 0) return current
      return leaf.arg === 1 ? array.slice(0, -1) : array.slice(1)
    case 'pull':
      return array === undefined ? current : without(array, leaf.pull as (e: unknown) => boolean)
    case 'pullAll': {
      const values = leaf.arg as readonly unknown[]
      return array === undefined
        ? current
        : without(array, (e) => values.some((v) => valuesEqual(e, v)))
    }
    default:
      throw new QueryError('UNKNOWN_OPERATOR', `Unknown modifier: ${leaf.op}`)
  }
}

function notAnArray(leaf: Leaf, current: unknown, root: Record<string, unknown>): QueryError {
  const type = bsonTypeAlias(current)
  switch (leaf.kind) {
    case 'push':
      return new QueryError(
        'TYPE_MISMATCH',
        `The field '${leaf.field}' must be an array but is of type ${type} in document ${formatId(root)}`
      )
    case 'addToSet':
      return new QueryError(
        'TYPE_MISMATCH',
        `Cannot apply $addToSet to non-array field. Field named '${leaf.field}' has non-array type ${type}`
      )
    case 'pop':
      return new QueryError(
        'TYPE_MISMATCH',
        `Path '${leaf.path}' contains an element of non-array type '${type}'`
      )
    default:
      return new QueryError('TYPE_MISMATCH', `Cannot apply ${leaf.op} to a non-array value`)
  }
}

function push(spec: PushSpec, current: unknown[] | undefined): unknown[] {
  const base = current ?? []
  const items = spec.items
  let at = base.length
  if (spec.position !== undefined) {
    at =
      spec.position < 0
        ? Math.max(0, base.length + spec.position)
        : Math.min(spec.position, base.length)
  }
  let out: unknown[] = new Array(base.length + items.length)
  for (let i = 0; i < at; i++) out[i] = base[i]
  for (let i = 0; i < items.length; i++) out[at + i] = cloneValue(items[i])
  for (let i = at; i < base.length; i++) out[items.length + i] = base[i]
  if (spec.sort !== undefined) out.sort(sortComparator(spec.sort))
  if (spec.slice !== undefined) {
    out =
      spec.slice >= 0 ? out.slice(0, spec.slice) : out.slice(Math.max(0, out.length + spec.slice))
  }
  // $sort/$slice can leave the array as it was (an empty $each, or values trimmed straight off).
  if (current !== undefined && (items.length === 0 || spec.slice !== undefined)) {
    if (sameValue(current, out)) return current
  }
  return out
}

function sortComparator(sort: NonNullable<PushSpec['sort']>): (a: unknown, b: unknown) => number {
  if (sort === 1 || sort === -1) return (a, b) => sort * compareValues(a, b)
  return (a, b) => {
    for (const [path, direction] of sort) {
      const c = compareValues(getPath(a, path), getPath(b, path))
      if (c !== 0) return direction * c
    }
    return 0
  }
}

function addToSet(
  items: readonly unknown[],
  current: unknown[] | undefined
): unknown[] | undefined {
  const added: unknown[] = []
  for (const item of items) {
    const present =
      (current !== undefined && current.some((e) => valuesEqual(e, item))) ||
      added.some((e) => valuesEqual(e, item))
    if (!present) added.push(cloneValue(item))
  }
  if (current === undefined) return added
  return added.length === 0 ? current : current.concat(added)
}

function without(array: unknown[], remove: (element: unknown) => boolean): unknown[] {
  const out = array.filter((e) => !remove(e))
  return out.length === array.length ? array : out
}
