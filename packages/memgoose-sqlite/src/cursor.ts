/**
 * Streaming reads. A scan keeps one SQLite statement open and hands out rows in batches, so memory
 * does not grow with the collection. better-sqlite3 refuses writes while a statement is open, so
 * before any write the engine asks every open cursor to `detach()`. A cursor in `_id` or index
 * order closes its statement and reopens after the last row it handed out (keyset continuation);
 * any other cursor reads its remaining rows into memory.
 */
import { decodeDocument } from './codec.js'
import type { DocBatches, StoredDoc } from './core.js'
import type { SqliteStatement } from './driver.js'
import type { StatementMode } from './host.js'
import type { ScanQuery } from './sql/scan.js'

/** The engine side: where open cursors register so writes can detach them. */
export interface CursorRegistry {
  readonly cursors: Set<RowCursor>
  /** The coded error for a failure while reading (a damaged file becomes CorruptionError). */
  readError(error: unknown): unknown
}

/** A registry that also hands out cached statements (the engine, see host.ts). */
interface StatementSource extends CursorRegistry {
  statement(sql: string, mode?: StatementMode): SqliteStatement
}

/**
 * The batches of a planned scan, run when iterated: a bounded query is read at once, any other
 * streams through a RowCursor (resumable when the query says how).
 */
export function scanBatches(
  host: StatementSource,
  query: ScanQuery,
  batchSize: number
): DocBatches {
  return {
    *[Symbol.iterator]() {
      const resume = query.resume
      const mode = query.arrays ? 'raw' : 'pluck'
      const stmt = host.statement(query.sql, mode)
      if (query.bounded && resume === undefined && query.residual === undefined) {
        // A few rows, exact in SQL (skip and limit included): decoded straight into batches,
        // without a cursor.
        let rows: unknown[]
        try {
          rows = stmt.all(query.params)
        } catch (error) {
          throw host.readError(error)
        }
        for (let at = 0; at < rows.length; at += batchSize) {
          const end = Math.min(rows.length, at + batchSize)
          const out: StoredDoc[] = []
          for (let i = at; i < end; i++) out.push(decodeDocument(rows[i] as string) as StoredDoc)
          yield out
        }
        return
      }
      let cursor: RowCursor
      try {
        if (query.bounded) {
          const rows = stmt.all(query.params)
          cursor = new RowCursor(host, query.arrays ? rows.map((r) => (r as unknown[])[0]) : rows)
        } else {
          const reopen =
            resume &&
            ((at: unknown, delivered: number) => {
              const next = resume(at, delivered)
              return host.statement(next.sql, mode).iterate(next.params)
            })
          const positionSql = query.positionSql
          const mark =
            positionSql === undefined
              ? undefined
              : (row: readonly unknown[]) => host.statement(positionSql, 'pluck').get(row[1])
          cursor = new RowCursor(host, stmt.iterate(query.params), reopen, query.arrays, mark)
        }
      } catch (error) {
        throw host.readError(error)
      }
      try {
        yield* batches(cursor, query, batchSize)
      } finally {
        cursor.close()
      }
    },
  }
}

/** Reopens a resumable scan after the position `at` (see Mark), `delivered` rows in. */
export type Reopen = (at: unknown, delivered: number) => Iterator<unknown>

/**
 * The position to resume after, from the last row handed out; called while the statement is still
 * open, so it reads the same snapshot as the row. Undefined when it cannot tell.
 */
export type Mark = (row: readonly unknown[]) => unknown

/** An open statement iterator delivering rows (the `doc` column) in batches. */
export class RowCursor {
  readonly #registry: CursorRegistry
  readonly #reopen: Reopen | undefined
  #iterator: Iterator<unknown> | undefined
  #buffered: unknown[] | undefined
  #position = 0
  readonly #arrays: boolean
  readonly #mark: Mark | undefined
  #last: unknown
  #resumeAt: unknown
  #delivered = 0
  #suspended = false

  /**
   * Streams from an open statement `source`, or hands out rows already read (an array). With
   * `arrays`, the statement's rows are `[doc, ...]`, else the `doc` alone. With `reopen`, a
   * detached cursor resumes through it, after the position `mark` reads from the last row (the
   * row itself without `mark`).
   */
  constructor(
    registry: CursorRegistry,
    source: Iterator<unknown> | unknown[],
    reopen?: Reopen,
    arrays = false,
    mark?: Mark
  ) {
    this.#registry = registry
    this.#reopen = reopen
    this.#arrays = arrays
    this.#mark = mark
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
        this.#iterator = (this.#reopen as Reopen)(this.#resumeAt, this.#delivered)
        this.#registry.cursors.add(this)
      }
      const iterator = this.#iterator
      if (iterator === undefined) return out
      const keyed = this.#reopen !== undefined
      const arrays = this.#arrays
      let row: unknown
      while (out.length < n) {
        const step = iterator.next()
        if (step.done === true) {
          this.close()
          break
        }
        row = step.value
        out.push(arrays ? (row as unknown[])[0] : row)
      }
      if (keyed && out.length > 0) {
        this.#last = row
        this.#delivered += out.length
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
    const last = this.#last
    if (this.#reopen !== undefined && last !== undefined) {
      let at: unknown
      try {
        at = this.#mark === undefined ? last : this.#mark(last as unknown[])
      } catch (error) {
        this.close()
        throw this.#registry.readError(error)
      }
      if (at !== undefined) {
        iterator.return?.()
        this.#iterator = undefined
        this.#resumeAt = at
        this.#suspended = true
        this.#registry.cursors.delete(this)
        return
      }
    }
    const rest: unknown[] = []
    try {
      for (let step = iterator.next(); step.done !== true; step = iterator.next()) {
        rest.push(this.#arrays ? (step.value as unknown[])[0] : step.value)
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
