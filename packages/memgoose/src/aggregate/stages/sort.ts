/**
 * `$sort`: a stable sort in MongoDB order. Sort keys are extracted once per document; followed by a
 * `$limit` it keeps only the best k documents (a bounded buffer, sorted and cut when it doubles).
 */
import { isPlainObject } from '../../values/bson.js'
import { compareSortKeys, normalizeSort, sortKeyOf } from '../../query/index.js'
import type { Doc } from '../types.js'
import { badStage } from './errors.js'
import type { StageCompiler } from './types.js'

interface Keyed {
  keys: unknown[]
  doc: Doc
}

/** A sort specification compiled to key extraction plus comparison. */
export function compileKeyedSort(stage: string, spec: unknown) {
  if (!isPlainObject(spec) || Object.keys(spec).length === 0) {
    throw badStage(stage, 'requires a non-empty object such as { field: 1 }')
  }
  const keys = normalizeSort(spec)
  const paths = keys.map(([p]) => p)
  const dirs = keys.map(([, d]) => d)
  const keyOf = (doc: Doc): Keyed => ({
    keys: paths.map((p, i) => sortKeyOf(doc, p, dirs[i])),
    doc,
  })
  const compare = (a: Keyed, b: Keyed): number => {
    for (let i = 0; i < dirs.length; i++) {
      const c = compareSortKeys(a.keys[i], b.keys[i])
      if (c !== 0) return c * dirs[i]
    }
    return 0
  }
  return { keyOf, compare, keys }
}

/** Compiles `$sort`, fusing with a following `$limit`. */
export const sort: StageCompiler = (spec, env, name) => {
  const { keyOf, compare } = compileKeyedSort(name, spec)
  const nextLimit = env.next && typeof env.next.$limit === 'number' ? env.next.$limit : undefined
  const limit = nextLimit !== undefined && nextLimit > 0 ? nextLimit : Infinity
  return {
    name,
    async *run(input) {
      let buffer: Keyed[] = []
      // Once the buffer has been cut to k, anything not better than the k-th is dropped at once.
      let threshold: Keyed | undefined
      for await (const batch of input) {
        for (const doc of batch) {
          const keyed = keyOf(doc)
          if (threshold === undefined || compare(keyed, threshold) < 0) buffer.push(keyed)
        }
        if (buffer.length >= 2 * limit + 1024) {
          buffer.sort(compare)
          buffer.length = limit
          threshold = buffer[limit - 1]
        }
      }
      buffer.sort(compare)
      if (buffer.length > limit) buffer = buffer.slice(0, limit)
      for (let i = 0; i < buffer.length; i += 1024) {
        const out: Doc[] = []
        for (let j = i; j < Math.min(i + 1024, buffer.length); j++) out.push(buffer[j].doc)
        yield out
      }
    },
  }
}
