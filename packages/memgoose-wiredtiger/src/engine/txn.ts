/**
 * The engine's transaction handle: the write session is in a WiredTiger transaction until the
 * handle is finished.
 */
import { MemgooseError, type EngineTxn } from 'memgoose'

/** A transaction of one WiredTigerEngine. */
export class WiredTigerTxn implements EngineTxn {
  finished = false
  readonly owner: object

  constructor(owner: object) {
    this.owner = owner
  }
}

/** Checks a handle passed back into the engine: it must be ours and still open. */
export function checkTxn(txn: EngineTxn | undefined, owner: object): WiredTigerTxn | undefined {
  if (txn === undefined) return undefined
  if (!(txn instanceof WiredTigerTxn) || txn.owner !== owner) {
    throw new MemgooseError('BAD_TRANSACTION', 'This transaction belongs to another engine')
  }
  if (txn.finished)
    throw new MemgooseError('TRANSACTION_FINISHED', 'This transaction has already finished')
  return txn
}
