/** Partitioning by a list of fields, shared by `$densify` and `$fill`. */
import { getField } from '../doc-path.js'
import { groupKey } from '../group-key.js'
import { splitPath } from '../../values/paths.js'
import type { Doc } from '../types.js'

/** Splits documents into partitions by the values of `fields`, in first-seen order. */
export function partitionByFields(docs: Doc[], fields: readonly string[]): Doc[][] {
  if (fields.length === 0) return [docs]
  const parts = fields.map((f) => splitPath(f))
  const out = new Map<unknown, Doc[]>()
  for (const doc of docs) {
    const key = groupKey(parts.map((p) => getField(doc, p) ?? null))
    const list = out.get(key)
    if (list) list.push(doc)
    else out.set(key, [doc])
  }
  return [...out.values()]
}
