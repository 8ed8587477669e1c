import { unpackEntries, type Entry } from './batch.js'
import { WiredTigerError } from './errors.js'
import { ScanFlag, type NativeCursor } from './native.js'
import type { Session } from './session.js'

/**
 * Bounds and shape of a range scan. Keys compare bytewise (a prefix sorts first), like
 * `Buffer.compare`. Give at most one lower bound (`gt` or `gte`) and one upper bound (`lt` or `lte`).
 */
export interface ScanOptions {
  gt?: Uint8Array
  gte?: Uint8Array
  lt?: Uint8Array
  lte?: Uint8Array
  /** Descending key order. Default false. */
  reverse?: boolean
  /** Stop after this many entries. Default: no limit. */
  limit?: number
  /** Entries per batch for `scan()`. Default 1000. */
  batchSize?: number
  /** Return values (default true); false leaves each value an empty Buffer and skips copying it. */
  values?: boolean
  /** Return keys (default true); false leaves each key an empty Buffer. */
  keys?: boolean
}

/** Result of {@link Cursor.searchNear}. */
export interface NearMatch {
  /** 0: `key` is the searched key; -1: the nearest key is smaller; 1: larger. */
  exact: -1 | 0 | 1
  key: Buffer
  value: Buffer
}

/** Scan options in the native form: bounds plus a bit set. */
interface Range {
  lower: Uint8Array | undefined
  upper: Uint8Array | undefined
  flags: number
  keys: boolean
  values: boolean
}

function toRange(options: ScanOptions): Range {
  if (options.gt && options.gte)
    throw new WiredTigerError('give gt or gte, not both', 'INVALID_ARGUMENT')
  if (options.lt && options.lte)
    throw new WiredTigerError('give lt or lte, not both', 'INVALID_ARGUMENT')
  const keys = options.keys !== false
  const values = options.values !== false
  let flags = 0
  if (options.gt === undefined) flags |= ScanFlag.LowerInclusive
  if (options.lt === undefined) flags |= ScanFlag.UpperInclusive
  if (options.reverse === true) flags |= ScanFlag.Reverse
  if (keys) flags |= ScanFlag.Keys
  if (values) flags |= ScanFlag.Values
  return { lower: options.gt ?? options.gte, upper: options.lt ?? options.lte, flags, keys, values }
}

// Entries per native call of scanSync: bounds the metadata array, not the result.
const syncBatch = 10_000

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) return Infinity
  if (!(limit >= 0))
    throw new WiredTigerError(`limit must be >= 0, got ${limit}`, 'INVALID_ARGUMENT')
  return limit
}

/**
 * A cursor on one table of binary keys and values. Point operations are synchronous; every
 * operation leaves the cursor unpositioned, so an idle cursor pins nothing. Belongs to its session:
 * closing the session (or the connection) closes it, and while the session lends itself to async
 * work, calls fail with `SESSION_BUSY`.
 */
export class Cursor {
  readonly #native: NativeCursor
  // Also keeps the session reachable: a session collected while its cursor is in use would close it.
  readonly #session: Session
  /** The table this cursor reads and writes. */
  readonly table: string

  /** @internal Created by `Session.openCursor`. */
  constructor(native: NativeCursor, table: string, session: Session) {
    this.#native = native
    this.table = table
    this.#session = session
  }

  /** The session this cursor belongs to. */
  get session(): Session {
    return this.#session
  }

  /** The value stored under `key`, or undefined. */
  get(key: Uint8Array): Buffer | undefined {
    return this.#native.get(key)
  }

  /** Stores `value` under `key`, replacing any previous value. */
  put(key: Uint8Array, value: Uint8Array): void {
    this.#native.put(key, value)
  }

  /** Stores `value` under a new `key`; throws `WT_DUPLICATE_KEY` if the key exists. */
  insert(key: Uint8Array, value: Uint8Array): void {
    this.#native.insert(key, value)
  }

  /** Removes `key`; returns whether it existed. */
  remove(key: Uint8Array): boolean {
    return this.#native.remove(key)
  }

  /** The entry at `key`, or the nearest one on either side; undefined when the table is empty. */
  searchNear(key: Uint8Array): NearMatch | undefined {
    const found = this.#native.searchNear(key)
    if (!found) return undefined
    return { exact: found[0] as -1 | 0 | 1, key: found[1], value: found[2] }
  }

  /**
   * Every entry in range, read synchronously on the calling thread. For small ranges (a `limit`
   * of a few entries); use {@link scan} for anything large.
   */
  scanSync(options: ScanOptions = {}): Entry[] {
    const range = toRange(options)
    let remaining = checkLimit(options.limit)
    const result: Entry[] = []
    let after: Buffer | undefined
    while (remaining > 0) {
      const limit = Math.min(remaining, syncBatch)
      const meta = this.#meta(limit)
      const data = this.#native.scan(meta, range.lower, range.upper, after, range.flags, limit)
      const count = meta[0]
      unpackEntries(result, data, meta, 3, count, range.keys, range.values)
      remaining -= count
      if (meta[1] === 1) break
      after = data.subarray(data.length - meta[2])
    }
    return result
  }

  // Reused between calls: sized for `limit` entries (count, done, last key size, then sizes).
  #metaArray = new Uint32Array(3 + 2 * 16)
  #meta(limit: number): Uint32Array {
    if (this.#metaArray.length < 3 + 2 * limit) this.#metaArray = new Uint32Array(3 + 2 * limit)
    return this.#metaArray
  }

  /**
   * The entries in range, in batches read on the thread pool. Between batches the cursor is
   * released (no pages pinned) and the scan resumes after the last key; inside a snapshot
   * transaction all batches see one snapshot. Closing the connection mid-scan makes the next batch
   * fail with `CLOSED`.
   */
  async *scan(options: ScanOptions = {}): AsyncGenerator<Entry[], void, undefined> {
    const range = toRange(options)
    let remaining = checkLimit(options.limit)
    const batchSize = Math.max(1, Math.floor(options.batchSize ?? 1000))
    let after: Buffer | undefined
    while (remaining > 0) {
      const batch = await this.#native.scanAsync(
        range.lower,
        range.upper,
        after,
        range.flags,
        Math.min(remaining, batchSize)
      )
      remaining -= batch.count
      if (batch.count > 0) {
        const entries: Entry[] = []
        unpackEntries(entries, batch.data, batch.sizes, 0, batch.count, range.keys, range.values)
        yield entries
      }
      if (batch.done) return
      after = batch.last
    }
  }

  /** Releases the cursor's position (operations already do this). */
  reset(): void {
    this.#native.reset()
  }

  /** Closes the cursor; a second close throws `CLOSED`. */
  close(): void {
    this.#native.close()
  }

  /** True once the cursor, its session or its connection is closed. */
  get closed(): boolean {
    return this.#native.closed
  }
}
