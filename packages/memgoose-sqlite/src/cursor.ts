/**
 * Streaming reads. A scan keeps one SQLite statement open and hands out rows in batches, so memory
 * does not grow with the collection. better-sqlite3 refuses writes while a statement is open, so
 * before any write the engine asks every open cursor to `detach()`. A cursor in `_id` or index
 * order closes its statement and reopens after the last row it handed out (keyset continuation);
 * any other cursor reads its remaining rows into memory.
 */
import { decodeDocument } from './codec.js'
import type { StoredDoc } from './core.js'
import type { ScanQuery } from './sql/scan.js'

/** The engine side: where open cursors register so writes can detach them. */
export interface CursorRegistry {
  readonly cursors: Set<RowCursor>
  /** The coded error for a failure while reading (a damaged file becomes CorruptionError). */
  readError(error: unknown): unknown
}

/** Reopens a resumable scan after the row `last` (`[doc, ...order keys]`), `delivered` rows in. */
export type Reopen = (last: readonly unknown[], delivered: number) => Iterator<unknown>

/** An open statement iterator delivering rows (the `doc` column) in batches. */
export class RowCursor {
  readonly #registry: CursorRegistry
  readonly #reopen: Reopen | undefined
  #iterator: Iterator<unknown> | undefined
  #buffered: unknown[] | undefined
  #position = 0
  #last: readonly unknown[] | undefined
  #delivered = 0
  #suspended = false

  /**
   * Streams from an open statement `source`, or hands out rows already read (an array). With
   * `reopen`, rows are `[doc, ...order keys]` and a detached cursor resumes through it.
   */
  constructor(registry: CursorRegistry, source: Iterator<unknown> | unknown[], reopen?: Reopen) {
    this.#registry = registry
    this.#reopen = reopen
    if (Array.isArray(source)) this.#buffered = source
    else {
      this.#iterator = source
      registry.cursors.add(this)
    }
  }

  /** Up to `n` more rows; an empty array once exhausted (the cursor is then closed). */
  take(n: number): unknown[] {
    const out: unknown[] = []
    const buffered = this.#buffered
    if (buffered !== undefined) {
      const end = Math.min(buffered.length, this.#position + n)
      for (let i = this.#position; i < end; i++) out.push(buffered[i])
      this.#position = end
      if (out.length === 0) this.close()
      return out
    }
    try {
      if (this.#suspended) {
        this.#suspended = false
        this.#iterator = (this.#reopen as Reopen)(this.#last as unknown[], this.#delivered)
        this.#registry.cursors.add(this)
      }
      const iterator = this.#iterator
      if (iterator === undefined) return out
      const keyed = this.#reopen !== undefined
      while (out.length < n) {
        const step = iterator.next()
        if (step.done === true) {
          this.close()
          break
        }
        if (keyed) {
          const row = step.value as unknown[]
          this.#last = row
          this.#delivered++
          out.push(row[0])
        } else out.push(step.value)
      }
    } catch (error) {
      this.close()
      throw this.#registry.readError(error)
    }
    return out
  }

  /** Releases the statement: to reopen it later when resumable, else reading the rest now. */
  detach(): void {
    const iterator = this.#iterator
    if (iterator === undefined) return
    if (this.#reopen !== undefined && this.#last !== undefined) {
      iterator.return?.()
      this.#iterator = undefined
      this.#suspended = true
      this.#registry.cursors.delete(this)
      return
    }
    const rest: unknown[] = []
    try {
      for (let step = iterator.next(); step.done !== true; step = iterator.next()) {
        rest.push(this.#reopen === undefined ? step.value : (step.value as unknown[])[0])
      }
    } catch (error) {
      this.close()
      throw this.#registry.readError(error)
    }
    this.#iterator = undefined
    this.#buffered = rest
    this.#position = 0
    this.#registry.cursors.delete(this)
  }

  /** Releases the statement (idempotent). */
  close(): void {
    this.#iterator?.return?.()
    this.#iterator = undefined
    this.#buffered = undefined
    this.#suspended = false
    this.#registry.cursors.delete(this)
  }
}

/** Detaches every open cursor of `registry` so a write can run. */
export function detachAll(registry: CursorRegistry): void {
  for (const cursor of [...registry.cursors]) cursor.detach()
}

/** Decoded documents in batches, after the JS residual, skip and limit. */
export function* batches(
  cursor: RowCursor,
  query: ScanQuery,
  batchSize: number
): Generator<StoredDoc[]> {
  const residual = query.residual
  let skip = query.skip
  let left = query.limit ?? Infinity
  if (left <= 0) return
  for (;;) {
    const rows = cursor.take(batchSize)
    if (rows.length === 0) return
    const out: StoredDoc[] = []
    for (const row of rows) {
      const doc = decodeDocument(row as string) as StoredDoc
      if (residual !== undefined && !residual(doc)) continue
      if (skip > 0) {
        skip--
        continue
      }
      out.push(doc)
      if (--left === 0) break
    }
    if (out.length > 0) yield out
    if (left === 0) return
  }
}
