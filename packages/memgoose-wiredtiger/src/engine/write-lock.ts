/**
 * Serialises writers on the engine's one write session. WiredTiger sessions belong to one thread and
 * hold one transaction at a time; all our writers run on the main thread, so a FIFO lock gives each
 * write (or transaction) the session in turn. When the lock is free, a write runs synchronously.
 */
export class WriteLock {
  #busy = false
  #waiting: (() => void)[] = []

  /** True while a writer holds the lock. */
  get busy(): boolean {
    return this.#busy
  }

  /** Takes the lock now if it is free; returns false otherwise. */
  tryAcquire(): boolean {
    if (this.#busy) return false
    this.#busy = true
    return true
  }

  /** Resolves once the lock is held. */
  acquire(): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve()
    return new Promise((resolve) => this.#waiting.push(resolve))
  }

  /** Hands the lock to the next waiter, or frees it. */
  release(): void {
    const next = this.#waiting.shift()
    if (next) next()
    else this.#busy = false
  }
}
