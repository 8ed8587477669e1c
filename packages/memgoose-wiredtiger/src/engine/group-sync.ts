/**
 * Group commit for durability `full`. Writers commit without waiting for the log to reach the disk
 * (`sync: false`), release the write lock, then wait here. One sync at a time runs: a tiny marker
 * transaction committed with `sync: true` on a session of its own. WiredTiger's log is sequential,
 * so that fsync makes every earlier log record durable too, and everyone who committed before the
 * marker began is acknowledged by it; whoever arrives while it runs waits for the next one.
 */
import type { Cursor } from '../binding/cursor.js'
import type { Session } from '../binding/session.js'

/** The table the sync markers go to: one key, overwritten. */
export const SYNC_TABLE = 'memgoose_sync'
const MARKER = Buffer.from([0])

interface Waiter {
  resolve: () => void
  reject: (err: unknown) => void
}

/** Shares log syncs between writers that committed with `sync: false`. */
export class GroupSync {
  #session: Session
  #cursor: Cursor
  #waiting: Waiter[] = []
  #draining: Promise<void> | undefined

  /** Takes a session of its own (never used by anyone else) and creates the marker table. */
  constructor(session: Session) {
    this.#session = session
    session.createTable(SYNC_TABLE)
    this.#cursor = session.openCursor(SYNC_TABLE)
  }

  /** Resolves once everything committed before this call is on disk. */
  sync(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ resolve, reject })
      this.#draining ??= this.#drain()
    })
  }

  /** Resolves when no sync is running or waiting. */
  async idle(): Promise<void> {
    await this.#draining
  }

  async #drain(): Promise<void> {
    while (this.#waiting.length > 0) {
      const group = this.#waiting
      this.#waiting = []
      try {
        await this.#flush()
        for (const waiter of group) waiter.resolve()
      } catch (err) {
        for (const waiter of group) waiter.reject(err)
      }
    }
    this.#draining = undefined
  }

  async #flush(): Promise<void> {
    const session = this.#session
    try {
      session.begin()
      this.#cursor.put(MARKER, MARKER)
    } catch (err) {
      if (session.inTransaction) session.rollback()
      throw err
    }
    await session.commitAsync({ sync: true })
  }
}
