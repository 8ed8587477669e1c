/**
 * TTL sweeping: one timer per database deletes documents whose TTL-indexed Date is older than the
 * index's `expireAfterSeconds`, as MongoDB's TTL monitor does. The timer never keeps the process alive.
 */
import type { CollectionStore } from '../model/store.js'

/** Deletes expired documents from every TTL index of `store`; resolves to how many were removed. */
export async function sweepExpired(store: CollectionStore, now = Date.now()): Promise<number> {
  let removed = 0
  for (const index of store.indexes) {
    if (index.expireAfterSeconds === undefined || index.key.length !== 1) continue
    const [path] = index.key[0]
    const cutoff = new Date(now - index.expireAfterSeconds * 1000)
    const expired = await store.find({ [path]: { $lt: cutoff } }, { projection: { _id: 1 } })
    if (expired.length > 0) removed += await store.delete(expired.map((d) => d._id))
  }
  return removed
}

/** A repeating sweep over the stores a database has opened. */
export class TtlSweeper {
  #timer: ReturnType<typeof setInterval> | undefined
  #running = false
  #stores: () => Promise<CollectionStore[]>
  #intervalMs: number

  constructor(stores: () => Promise<CollectionStore[]>, intervalMs: number) {
    this.#stores = stores
    this.#intervalMs = intervalMs
  }

  /** Starts the timer (idempotent). */
  start(): void {
    if (this.#timer || this.#intervalMs <= 0) return
    this.#timer = setInterval(() => void this.sweep(), this.#intervalMs)
    this.#timer.unref?.()
  }

  /** Runs one sweep now (skipped when one is already running). Errors are swallowed: the next sweep retries. */
  async sweep(): Promise<number> {
    if (this.#running) return 0
    this.#running = true
    try {
      let removed = 0
      for (const store of await this.#stores()) removed += await sweepExpired(store).catch(() => 0)
      return removed
    } finally {
      this.#running = false
    }
  }

  /** Stops the timer. */
  stop(): void {
    if (this.#timer) clearInterval(this.#timer)
    this.#timer = undefined
  }
}
