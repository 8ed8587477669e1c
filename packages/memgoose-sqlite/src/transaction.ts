/**
 * The transaction handle of the SQLite engine. SQLite holds the transaction state; the handle only
 * ties calls to the engine that opened it and records that it finished.
 */
import type { EngineTxn } from './core.js'

/** An open (or finished) SQLite transaction. */
export class SqliteTxn implements EngineTxn {
  /** The engine that opened it. */
  readonly engine: object
  #finished = false

  constructor(engine: object) {
    this.engine = engine
  }

  get finished(): boolean {
    return this.#finished
  }

  /** Marks the transaction committed or rolled back. */
  finish(): void {
    this.#finished = true
  }
}
