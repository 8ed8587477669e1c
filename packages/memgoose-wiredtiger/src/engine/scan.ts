/**
 * Scans of the WiredTiger engine: the whole collection in `_id` order, or the union of key intervals
 * of one index (the `_id_` index included), paged so no page stays pinned between batches and each
 * document is returned once even if an update moves its index entry during the scan.
 */
import {
  ID_INDEX,
  toIntervals,
  type EngineTxn,
  type KeyInterval,
  type ScanPlan,
  type StoredDoc,
} from 'memgoose'
import type { Entry } from '../binding/batch.js'
import type { Cursor, ScanOptions } from '../binding/cursor.js'
import { decodeDocument } from './codec.js'
import type { WiredTigerCollection, WiredTigerHost } from './collection.js'

const DEFAULT_BATCH = 256
const WHOLE: KeyInterval[] = [{ lo: '', hi: '\xff', exact: undefined }]

/** Pages through `[lo, hi)` of a table, in either direction. */
function* pages(
  cursor: Cursor,
  interval: KeyInterval,
  reverse: boolean,
  size: number
): Generator<Entry[]> {
  const lo = interval.lo === '' ? undefined : Buffer.from(interval.lo, 'latin1')
  let hi: Buffer = Buffer.from(interval.hi, 'latin1')
  let after: Buffer | undefined
  for (;;) {
    const options: ScanOptions = reverse
      ? { ...(lo ? { gte: lo } : {}), lt: after ?? hi, reverse: true, limit: size }
      : { ...(after ? { gt: after } : lo ? { gte: lo } : {}), lt: hi, limit: size }
    const batch = cursor.scanSync(options)
    if (batch.length === 0) return
    yield batch
    if (batch.length < size) return
    after = batch[batch.length - 1][0]
    if (reverse) hi = after
  }
}

/** The index (or the document table itself for `_id_`) and its intervals for a plan. */
function target(
  collection: WiredTigerCollection,
  plan: ScanPlan
): { table: string; viaIndex: boolean; intervals: KeyInterval[] } {
  if (plan.index === undefined)
    return { table: collection.table, viaIndex: false, intervals: WHOLE }
  if (plan.index === ID_INDEX.name) {
    return { table: collection.table, viaIndex: false, intervals: toIntervals(plan.ranges, [1]) }
  }
  const idx = collection.index(plan.index)
  return {
    table: idx.entry.table,
    viaIndex: true,
    intervals: toIntervals(plan.ranges, idx.keyer.directions),
  }
}

/** Runs a scan plan; batches are never empty. */
export function* scanPlan(
  host: WiredTigerHost,
  collection: WiredTigerCollection,
  plan: ScanPlan,
  txn?: EngineTxn
): Generator<StoredDoc[]> {
  const session = host.readSession(txn)
  const size = Math.max(1, plan.batchSize ?? DEFAULT_BATCH)
  const reverse = plan.reverse === true
  const { table, viaIndex, intervals } = target(collection, plan)
  const ordered = reverse ? [...intervals].reverse() : intervals
  const cursor = host.cursor(session, table)
  if (!viaIndex) {
    for (const interval of ordered) {
      for (const page of pages(cursor, interval, reverse, size))
        yield page.map(([, value]) => decodeDocument(value))
    }
    return
  }
  const main = host.cursor(session, collection.table)
  const seen = new Set<string>()
  let batch: StoredDoc[] = []
  for (const interval of ordered) {
    for (const page of pages(cursor, interval, reverse, size)) {
      for (const [, id] of page) {
        const key = id.toString('latin1')
        if (seen.has(key)) continue
        seen.add(key)
        const bytes = main.get(id)
        if (bytes !== undefined) batch.push(decodeDocument(bytes))
      }
      if (batch.length >= size) {
        yield batch
        batch = []
      }
    }
  }
  if (batch.length > 0) yield batch
}

/** How many documents a plan's scan returns. */
export function countPlan(
  host: WiredTigerHost,
  collection: WiredTigerCollection,
  plan: ScanPlan,
  txn?: EngineTxn
): number {
  const session = host.readSession(txn)
  const { table, viaIndex, intervals } = target(collection, plan)
  const cursor = host.cursor(session, table)
  const seen = viaIndex ? new Set<string>() : undefined
  let n = 0
  for (const interval of intervals) {
    for (const page of pages(cursor, interval, false, 10_000)) {
      if (!seen) n += page.length
      else for (const [, value] of page) seen.add(value.toString('latin1'))
    }
  }
  return seen ? seen.size : n
}
