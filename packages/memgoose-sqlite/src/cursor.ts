/**
 * Streaming reads. A scan keeps one SQLite statement open and hands out rows in batches, so memory
 * does not grow with the collection. better-sqlite3 refuses writes while a statement is open, so
 * before any write the engine asks every open cursor to `detach()`: the cursor reads its remaining
 * rows into memory and closes the statement (only scans interleaved with writes pay for that).
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

/** An open statement iterator delivering raw rows in batches. */
export class RowCursor {
  readonly #registry: CursorRegistry
  #iterator: Iterator<unknown> | undefined
  #buffered: unknown[] | undefined
  #position = 0

  /** Streams from an open statement `source`, or hands out rows already read (an array). */
  constructor(registry: CursorRegistry, source: Iterator<unknown> | unknown[]) {
    this.#registry = registry
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
    const iterator = this.#iterator
    if (iterator === undefined) return out
    try {
      while (out.length < n) {
        const step = iterator.next()
        if (step.done === true) {
          this.close()
          break
        }
        out.push(step.value)
      }
    } catch (error) {
      this.close()
      throw this.#registry.readError(error)
    }
    return out
  }

  /** Reads the remaining rows into memory and releases the statement. */
  detach(): void {
    const iterator = this.#iterator
    if (iterator === undefined) return
    const rest: unknown[] = []
    try {
      for (let step = iterator.next(); step.done !== true; step = iterator.next())
        rest.push(step.value)
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
