/**
 * Walking a KeyIndex over key intervals in batches. Each batch is read synchronously and the next
 * one resumes from the last key seen, so writes between batches never invalidate a walk (a document
 * moved ahead of the walk may be seen twice; the core's re-check keeps results correct).
 */
import type { StoredDoc } from '../contract.js'
import type { Entry, KeyIndex } from './key-index.js'
import { entrySize, groupOf } from './key-index.js'
import type { KeyInterval } from './ranges.js'

/** Smallest string greater than `key` in `<` order. */
const after = (key: string): string => key + '\x00'

/** Batches of the documents under `intervals` (ascending or descending), each document once. */
export function* walkIndex(
  index: KeyIndex,
  intervals: readonly KeyInterval[],
  reverse: boolean,
  batchSize: number,
  dedupe: boolean
): Generator<StoredDoc[]> {
  const seen = dedupe ? new Set<StoredDoc>() : undefined
  let batch: StoredDoc[] = []
  const push = (entry: Entry): void => {
    const group = groupOf(entry)
    if (group !== undefined) {
      for (const doc of group) {
        if (seen === undefined) batch.push(doc)
        else if (!seen.has(doc)) {
          seen.add(doc)
          batch.push(doc)
        }
      }
    } else if (seen === undefined) {
      batch.push(entry as StoredDoc)
    } else if (!seen.has(entry as StoredDoc)) {
      seen.add(entry as StoredDoc)
      batch.push(entry as StoredDoc)
    }
  }
  for (let n = 0; n < intervals.length; n++) {
    const interval = intervals[reverse ? intervals.length - 1 - n : n]
    if (interval.exact !== undefined) {
      const entry = index.get(index.keyOfEncoded(interval.exact))
      if (entry !== undefined) push(entry)
    } else if (!reverse) {
      let lo = interval.lo
      for (;;) {
        const chunk = index.ordered().getRange(lo, interval.hi, false, batchSize)
        for (const pair of chunk) push(pair[1])
        if (chunk.length < batchSize) break
        lo = after(chunk[chunk.length - 1][0])
        if (batch.length >= batchSize) {
          yield batch
          batch = []
        }
      }
    } else {
      let hi = interval.hi
      for (;;) {
        let taken = 0
        let last: string | undefined
        for (const [key, entry] of index.ordered().entriesReversed(hi, undefined, true)) {
          if (key < interval.lo) break
          push(entry)
          last = key
          if (++taken === batchSize) break
        }
        if (last === undefined || taken < batchSize) break
        hi = last
        if (batch.length >= batchSize) {
          yield batch
          batch = []
        }
      }
    }
    if (batch.length >= batchSize) {
      yield batch
      batch = []
    }
  }
  if (batch.length > 0) yield batch
}

/** Batches of every document in Map insertion order, read through a live Map iterator. */
export function* walkEntries(index: KeyIndex, batchSize: number): Generator<StoredDoc[]> {
  const entries = index.entries()
  for (;;) {
    const batch: StoredDoc[] = []
    for (let i = 0; i < batchSize; i++) {
      const next = entries.next()
      if (next.done === true) {
        if (batch.length > 0) yield batch
        return
      }
      const entry = next.value
      const group = groupOf(entry)
      if (group !== undefined) for (const doc of group) batch.push(doc)
      else batch.push(entry as StoredDoc)
    }
    yield batch
  }
}

/**
 * The documents under exact keys only (equality and `$in` plans), read at once by hash lookups:
 * no generator, no ordered view. One batch, or none when nothing matched.
 */
export function lookupKeys(
  index: KeyIndex,
  intervals: readonly KeyInterval[],
  reverse: boolean,
  dedupe: boolean
): StoredDoc[][] {
  const batch: StoredDoc[] = []
  const seen = dedupe ? new Set<StoredDoc>() : undefined
  for (let n = 0; n < intervals.length; n++) {
    const exact = intervals[reverse ? intervals.length - 1 - n : n].exact as string
    const entry = index.get(index.keyOfEncoded(exact))
    if (entry === undefined) continue
    const group = groupOf(entry)
    if (group === undefined) {
      const doc = entry as StoredDoc
      if (seen === undefined) batch.push(doc)
      else if (!seen.has(doc)) {
        seen.add(doc)
        batch.push(doc)
      }
      continue
    }
    for (const doc of group) {
      if (seen === undefined) batch.push(doc)
      else if (!seen.has(doc)) {
        seen.add(doc)
        batch.push(doc)
      }
    }
  }
  return batch.length === 0 ? [] : [batch]
}

/** The documents under one exact key (as the index stores it): one batch, or none. */
export function lookupKey(index: KeyIndex, key: string): StoredDoc[][] {
  const entry = index.get(key)
  if (entry === undefined) return []
  const group = groupOf(entry)
  return [group === undefined ? [entry as StoredDoc] : [...group]]
}

/** How many documents `walkIndex` would return. */
export function countIndex(
  index: KeyIndex,
  intervals: readonly KeyInterval[],
  dedupe: boolean
): number {
  if (dedupe) {
    let total = 0
    for (const batch of walkIndex(index, intervals, false, 1024, true)) total += batch.length
    return total
  }
  let total = 0
  for (const interval of intervals) {
    if (interval.exact !== undefined) {
      const entry = index.get(index.keyOfEncoded(interval.exact))
      if (entry !== undefined) total += entrySize(entry)
    } else {
      index.ordered().forRange(interval.lo, interval.hi, false, (_key: string, entry: Entry) => {
        total += entrySize(entry)
      })
    }
  }
  return total
}
