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

/** What a plan walks: a table, whether it is an index (of `key → _id`), and which key intervals. */
interface Target {
  table: string
  viaIndex: boolean
  /** One exact key holds at most one entry. */
  unique: boolean
  intervals: KeyInterval[]
}

/** The index (or the document table itself for `_id_`) and its intervals for a plan. */
function target(collection: WiredTigerCollection, plan: ScanPlan): Target {
  if (plan.index === undefined)
    return { table: collection.table, viaIndex: false, unique: true, intervals: WHOLE }
  if (plan.index === ID_INDEX.name) {
    return {
      table: collection.table,
      viaIndex: false,
      unique: true,
      intervals: toIntervals(plan.ranges, [1]),
    }
  }
  const idx = collection.index(plan.index)
  return {
    table: idx.entry.table,
    viaIndex: true,
    unique: idx.unique,
    intervals: toIntervals(plan.ranges, idx.keyer.directions),
  }
}

/** Runs a scan plan; batches are never empty. */
export function scanPlan(
  host: WiredTigerHost,
  collection: WiredTigerCollection,
  plan: ScanPlan,
  txn?: EngineTxn
): Iterable<StoredDoc[]> {
  const found = target(collection, plan)
  const { intervals } = found
  if (intervals.length === 1 && intervals[0].exact !== undefined && found.unique) {
    return pointRead(
      host,
      collection,
      found.viaIndex ? found.table : undefined,
      intervals[0].exact,
      txn
    )
  }
  return scanIntervals(host, collection, plan, found, txn)
}

/**
 * One exact key of the `_id` table or of a unique index holds at most one document: two point reads,
 * no paging.
 */
function pointRead(
  host: WiredTigerHost,
  collection: WiredTigerCollection,
  indexTable: string | undefined,
  exact: string,
  txn: EngineTxn | undefined
): StoredDoc[][] {
  const session = host.readSession(txn)
  let id: Buffer | undefined = Buffer.from(exact, 'latin1')
  if (indexTable !== undefined) id = host.cursor(session, indexTable).get(id)
  const main = host.cursor(session, collection.table)
  const bytes = id === undefined ? undefined : main.get(id)
  return bytes === undefined ? [] : [[decodeDocument(bytes)]]
}

function* scanIntervals(
  host: WiredTigerHost,
  collection: WiredTigerCollection,
  plan: ScanPlan,
  { table, viaIndex, intervals }: Target,
  txn: EngineTxn | undefined
): Generator<StoredDoc[]> {
  const session = host.readSession(txn)
  const size = Math.max(1, plan.batchSize ?? DEFAULT_BATCH)
  const reverse = plan.reverse === true
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
