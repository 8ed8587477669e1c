/**
 * Memory engine transactions: writes apply in place and record an undo entry; rollback replays the
 * undo log backwards. Transactions are serialised by an async mutex, so two transactions never
 * interleave. Operations made without the transaction handle are not blocked and see its writes
 * before it commits (read uncommitted): waiting for the mutex there would deadlock a transaction
 * body that calls the engine without its handle.
 */
import { MemgooseError } from '../../errors/index.js'
import type { EngineTxn, StoredDoc } from '../contract.js'

/** Something that can undo one write of a memory collection. */
export interface UndoTarget {
  /** Removes `doc` (an insert being undone). */
  undoInsert(doc: StoredDoc): void
  /** Puts back `doc` (a delete being undone). */
  undoDelete(doc: StoredDoc): void
  /** Puts `prev` back in place of `next` (a replace being undone). */
  undoReplace(prev: StoredDoc, next: StoredDoc): void
}

type UndoEntry =
  | { kind: 'insert'; target: UndoTarget; doc: StoredDoc }
  | { kind: 'delete'; target: UndoTarget; doc: StoredDoc }
  | { kind: 'replace'; target: UndoTarget; prev: StoredDoc; next: StoredDoc }

/** The handle passed to a transaction body; records undo entries until it finishes. */
export class MemoryTxn implements EngineTxn {
  readonly owner: object
  #finished = false
  readonly #undo: UndoEntry[] = []

  constructor(owner: object) {
    this.owner = owner
  }

  get finished(): boolean {
    return this.#finished
  }

  logInsert(target: UndoTarget, doc: StoredDoc): void {
    this.#undo.push({ kind: 'insert', target, doc })
  }

  logDelete(target: UndoTarget, doc: StoredDoc): void {
    this.#undo.push({ kind: 'delete', target, doc })
  }

  logReplace(target: UndoTarget, prev: StoredDoc, next: StoredDoc): void {
    this.#undo.push({ kind: 'replace', target, prev, next })
  }

  commit(): void {
    this.#finished = true
    this.#undo.length = 0
  }

  rollback(): void {
    this.#finished = true
    for (let i = this.#undo.length - 1; i >= 0; i--) {
      const entry = this.#undo[i]
      if (entry.kind === 'insert') entry.target.undoInsert(entry.doc)
      else if (entry.kind === 'delete') entry.target.undoDelete(entry.doc)
      else entry.target.undoReplace(entry.prev, entry.next)
    }
    this.#undo.length = 0
  }
}

/**
 * Checks a handle passed to a collection method: undefined (no transaction) or a live transaction
 * of this engine. Returns the transaction to log into.
 */
export function checkTxn(txn: EngineTxn | undefined, owner: object): MemoryTxn | undefined {
  if (txn === undefined) return undefined
  if (!(txn instanceof MemoryTxn) || txn.owner !== owner) {
    throw new MemgooseError('BAD_TRANSACTION', 'The transaction handle belongs to another engine')
  }
  if (txn.finished) {
    throw new MemgooseError(
      'TRANSACTION_FINISHED',
      'The transaction has already committed or rolled back'
    )
  }
  return txn
}

/** A FIFO async mutex: `run` waits for every earlier holder to finish. */
export class Mutex {
  #tail: Promise<void> = Promise.resolve()

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.#tail
    let release!: () => void
    this.#tail = new Promise<void>((resolve) => {
      release = resolve
    })
    await previous
    try {
      return await fn()
    } finally {
      release()
    }
  }
}
