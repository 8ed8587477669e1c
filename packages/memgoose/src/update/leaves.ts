/**
 * Applying one leaf (an operator at a resolved path) to the current value there. A leaf returns the
 * new value, `REMOVE` to delete the field, or the very same `current` when nothing changes, which is
 * how `applyUpdate` knows both what to copy and whether the document was modified.
 */
import { QueryError } from '../errors/index.js'
import { cloneValue } from '../values/clone.js'
import { compareValues } from '../values/compare.js'
import { bsonTypeAlias } from '../values/type-order.js'
import { arithmetic, isNumeric, zeroLike } from './arithmetic.js'
import { applyArrayLeaf } from './array-leaves.js'
import { applyBit, type BitOp } from './bit.js'
import { formatId } from './messages.js'
import { sameValue } from './same-value.js'
import type { Leaf, UpdateContext } from './types.js'

/** Marks a field for deletion (an array element becomes null instead, as `$unset` does in MongoDB). */
export const REMOVE: unique symbol = Symbol('memgoose.update.remove')

/** What leaves may read while one document is updated. */
export interface ApplyState {
  /** The document as it was before the update (never written to). */
  readonly root: Record<string, unknown>
  readonly ctx: UpdateContext
  /** Values found at each `$rename` source, by rename index (undefined when missing). */
  readonly renameValues: readonly unknown[]
  /** The time `$currentDate` writes, fixed once per document. */
  now: Date | undefined
}

/** Applies `leaf` to `current` (undefined when the field is missing). */
export function applyLeaf(leaf: Leaf, current: unknown, state: ApplyState): unknown {
  switch (leaf.kind) {
    case 'set':
      return sameValue(current, leaf.arg) ? current : cloneValue(leaf.arg)
    case 'setOnInsert':
      if (state.ctx.isInsert !== true || sameValue(current, leaf.arg)) return current
      return cloneValue(leaf.arg)
    case 'unset':
      return current === undefined ? current : REMOVE
    case 'currentDate': {
      state.now ??= state.ctx.now ?? new Date()
      return sameValue(current, state.now) ? current : new Date(state.now.getTime())
    }
    case 'inc':
    case 'mul':
      return applyArithmetic(leaf, current, state)
    case 'min':
    case 'max': {
      if (current === undefined) return cloneValue(leaf.arg)
      const c = compareValues(leaf.arg, current)
      return (leaf.kind === 'min' ? c < 0 : c > 0) ? cloneValue(leaf.arg) : current
    }
    case 'bit': {
      const result = applyBit(leaf.arg as readonly BitOp[], current, leaf.field, state.root)
      return sameValue(current, result) ? current : result
    }
    case 'renameFrom':
      return current === undefined ? current : REMOVE
    case 'renameTo': {
      const moved = state.renameValues[leaf.arg as number]
      return moved === undefined || sameValue(current, moved) ? current : moved
    }
    default:
      return applyArrayLeaf(leaf, current, state.root)
  }
}

function applyArithmetic(leaf: Leaf, current: unknown, state: ApplyState): unknown {
  if (current === undefined) return leaf.kind === 'inc' ? leaf.arg : zeroLike(leaf.arg)
  if (!isNumeric(current)) {
    throw new QueryError(
      'TYPE_MISMATCH',
      `Cannot apply ${leaf.op} to a value of non-numeric type. ${formatId(state.root)} has the field '${leaf.field}' of non-numeric type ${bsonTypeAlias(current)}`
    )
  }
  const result = arithmetic(leaf.kind === 'inc' ? 'add' : 'mul', current, leaf.arg)
  return sameValue(current, result) ? current : result
}
