/**
 * The operations and the comparisons the issues name: each row says which system is compared with
 * which reference and, when an issue sets one, the target ratio (or an absolute bound in ms).
 * Rows without a target are shown for context only.
 */

/** An operation's key in results and JSON, and its table title (`{n}` is the data-set size). */
export const OPERATIONS: Record<string, string> = {
  insertMany: 'bulk insertMany of {n} users (memgoose: `lean: true`, the bulk-load path)',
  lookupLean: '{lookups} findOne by email (indexed, lean)',
  lookupHydrated: '{lookups} findOne by email (indexed, hydrated)',
  rangeScan: 'non-indexed range on profile.score (~17% of {n})',
  updateOne: '{updates} updateOne by email ($set + $inc)',
  heap: 'heap held by {n} users',
  singleInserts: '{singles} awaited single inserts (durability os)',
  reopen: 'reopen + first indexed query ({n} users)',
  disk: 'on-disk size of {n} users',
  diskByCompressor: 'on-disk size of {n} users per block compressor',
  aggGroup: '$group by city ($avg, $sum) over {n} users',
  aggGroupBig: '$group by city ($avg, $sum) over {big} users',
  aggLookup: '$lookup of {orders} orders to {n} users',
}

/** One comparison of a system with a reference on an operation. */
export interface Comparison {
  op: string
  system: string
  /** The reference system; absent for an absolute bound. */
  reference?: string
  /** The reference's operation when it differs (a hydrated read against the Map's lean read). */
  referenceOp?: string
  /** Target: value(system) / value(reference) ≤ maxRatio. */
  maxRatio?: number
  /** Target: value(system) ≤ maxValue (in the measurement's unit). */
  maxValue?: number
  /** The issue that sets the target. */
  issue?: number
}

/** One comparison; a target only when `maxRatio` is given (then it belongs to `issue`). */
const compare = (
  op: string,
  system: string,
  reference: string,
  maxRatio: number | undefined,
  issue: number
): Comparison => ({
  op,
  system,
  reference,
  maxRatio,
  issue: maxRatio === undefined ? undefined : issue,
})

const memoryVsPeers = (op: string, map?: number, loki?: number): Comparison[] => [
  compare(op, 'memory', 'map', map, 3),
  compare(op, 'memory', 'lokijs', loki, 3),
]

const engineVsRaw = (op: string, sqlite?: number, wiredtiger?: number): Comparison[] => [
  compare(op, 'sqlite', 'sqlite-raw', sqlite, 5),
  compare(op, 'wiredtiger', 'wiredtiger-raw', wiredtiger, 6),
]

const aggregation = (op: string, target?: number): Comparison[] => [
  compare(op, 'memory', 'plain-js', target, 7),
  { op, system: 'memory', reference: 'mingo' },
  { op, system: 'sqlite', reference: 'plain-js' },
  { op, system: 'wiredtiger', reference: 'plain-js' },
  { op, system: 'mingo', reference: 'plain-js' },
]

/** Every comparison, grouped by operation in table order. */
export const COMPARISONS: readonly Comparison[] = [
  ...memoryVsPeers('insertMany', 2),
  ...engineVsRaw('insertMany', 1.3, 1.5),
  { op: 'insertMany', system: 'wiredtiger', reference: 'sqlite', maxRatio: 1, issue: 6 },
  ...memoryVsPeers('lookupLean', 2),
  ...engineVsRaw('lookupLean', 1.5, 1.5),
  {
    op: 'lookupHydrated',
    system: 'memory',
    reference: 'map',
    referenceOp: 'lookupLean',
    maxRatio: 4,
    issue: 3,
  },
  { op: 'lookupHydrated', system: 'sqlite', reference: 'sqlite-raw', referenceOp: 'lookupLean' },
  {
    op: 'lookupHydrated',
    system: 'wiredtiger',
    reference: 'wiredtiger-raw',
    referenceOp: 'lookupLean',
  },
  ...memoryVsPeers('rangeScan', undefined, 3),
  ...engineVsRaw('rangeScan', 1.5),
  ...memoryVsPeers('updateOne', undefined, 3),
  ...engineVsRaw('updateOne', 1.5),
  { op: 'heap', system: 'memory', reference: 'plain-objects', maxRatio: 1.5, issue: 3 },
  { op: 'heap', system: 'map', reference: 'plain-objects' },
  { op: 'heap', system: 'lokijs', reference: 'plain-objects' },
  { op: 'singleInserts', system: 'wiredtiger', reference: 'sqlite', maxRatio: 1, issue: 6 },
  ...engineVsRaw('singleInserts'),
  { op: 'reopen', system: 'sqlite', maxValue: 100, issue: 5 },
  ...engineVsRaw('reopen'),
  ...engineVsRaw('disk'),
  ...aggregation('aggGroup', 3),
  ...aggregation('aggGroupBig', 3),
  ...aggregation('aggLookup', 3),
]
