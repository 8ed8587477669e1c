/**
 * ClientSession: mongoose's transaction API (`startSession`, `startTransaction`, `commitTransaction`,
 * `abortTransaction`, `withTransaction`) over the engine's callback-style `transaction(fn)`.
 */
import type { EngineTxn, StorageEngine } from '../engine/contract.js'
import { MemgooseError, NotSupportedError } from '../errors/index.js'

/** Rejection used to roll an engine transaction back on abortTransaction(). */
class AbortSignalError extends Error {}

/** A session: at most one transaction at a time on one engine. */
export class ClientSession {
  readonly engine: StorageEngine
  #txn: EngineTxn | undefined
  #ready: Promise<void> | undefined
  #settle: { commit(): void; abort(): void } | undefined
  #finished: Promise<unknown> | undefined
  #ended = false

  constructor(engine: StorageEngine) {
    this.engine = engine
  }

  /** True while a transaction is open. */
  inTransaction(): boolean {
    return this.#settle !== undefined
  }

  /** Opens a transaction; writes through this session join it until commit or abort. */
  startTransaction(): void {
    if (this.#ended) throw new MemgooseError('SESSION_ENDED', 'Cannot use a session that has ended')
    if (this.#settle)
      throw new MemgooseError('TRANSACTION_IN_PROGRESS', 'Transaction already in progress')
    if (!this.engine.capabilities.transactions) {
      throw new NotSupportedError(`storage '${this.engine.name}' does not support transactions`)
    }
    let markReady!: () => void
    this.#ready = new Promise<void>((resolve) => (markReady = resolve))
    this.#finished = this.engine.transaction(
      (txn) =>
        new Promise<void>((resolve, reject) => {
          this.#txn = txn
          this.#settle = { commit: resolve, abort: () => reject(new AbortSignalError()) }
          markReady()
        })
    )
    // The engine reports failures through commitTransaction/abortTransaction.
    this.#finished.catch(() => undefined)
  }

  /** The open transaction's engine handle, once the engine has started it. */
  async txn(): Promise<EngineTxn | undefined> {
    if (!this.#settle && !this.#ready) return undefined
    await this.#ready
    return this.#txn
  }

  /** Commits the open transaction. */
  async commitTransaction(): Promise<void> {
    const settle = await this.#take()
    settle.commit()
    await this.#finish()
  }

  /** Rolls the open transaction back. */
  async abortTransaction(): Promise<void> {
    const settle = await this.#take()
    settle.abort()
    try {
      await this.#finish()
    } catch (err) {
      if (!(err instanceof AbortSignalError)) throw err
    }
  }

  async #take(): Promise<{ commit(): void; abort(): void }> {
    await this.#ready
    const settle = this.#settle
    if (!settle) throw new MemgooseError('NO_TRANSACTION', 'No transaction started')
    return settle
  }

  async #finish(): Promise<void> {
    const finished = this.#finished
    this.#settle = undefined
    this.#txn = undefined
    this.#ready = undefined
    this.#finished = undefined
    await finished
  }

  /** Runs `fn` in a transaction: commits when it resolves, aborts (and re-throws) when it throws. */
  async withTransaction<T>(fn: (session: ClientSession) => Promise<T>): Promise<T> {
    this.startTransaction()
    try {
      const result = await fn(this)
      await this.commitTransaction()
      return result
    } catch (err) {
      if (this.inTransaction()) await this.abortTransaction()
      throw err
    }
  }

  /** Ends the session, aborting an open transaction. */
  async endSession(): Promise<void> {
    if (this.inTransaction()) await this.abortTransaction()
    this.#ended = true
  }
}

/** The engine transaction behind a session option, if any (waits for the engine to start it). */
export async function resolveTxn(
  session: unknown,
  engine: StorageEngine
): Promise<EngineTxn | undefined> {
  if (!(session instanceof ClientSession)) return undefined
  if (session.engine !== engine) {
    throw new NotSupportedError('A session can only be used with models stored in the same engine')
  }
  return session.txn()
}
