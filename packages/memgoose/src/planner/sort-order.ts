/**
 * Whether an index walk yields a sort order.
 */
import type { IndexInfo, IndexKeyField } from '../engine/contract.js'

/**
 * Whether walking `index` (forward or reversed) returns documents in `sort` order. Key fields bound
 * to a single value (bit `i` of `singlePoint` for key field `i`) can be skipped; a multikey index
 * never covers a sort.
 */
export function sortDirection(
  index: IndexInfo,
  sort: readonly IndexKeyField[],
  singlePoint: number
): 'forward' | 'reverse' | undefined {
  if (index.multikey) return undefined
  let j = 0
  let way: 1 | -1 | undefined
  for (let i = 0; i < index.key.length && j < sort.length; i++) {
    const [path, dir] = index.key[i]
    if (path === sort[j][0]) {
      const same = dir === sort[j][1] ? 1 : -1
      if (way !== undefined && way !== same) return undefined
      way = same
      j++
    } else if (i > 30 || (singlePoint & (1 << i)) === 0) {
      return undefined
    }
  }
  if (j < sort.length || way === undefined) return undefined
  return way === 1 ? 'forward' : 'reverse'
}
