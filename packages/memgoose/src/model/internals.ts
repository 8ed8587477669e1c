/**
 * What a compiled model knows about itself, shared by its documents, queries and statics.
 */
import type { Schema } from '../schema/schema.js'
import type { MaybePromise } from '../engine/contract.js'
import type { CollectionStore } from './store.js'

/** The database side of a model: where its collection lives. */
export interface ModelHost {
  /** Opens (once) and returns the collection store a model uses; synchronously once it is open. */
  storeFor(internals: ModelInternals): MaybePromise<CollectionStore>
  /** Looks up another model of the same database (populate, $lookup). */
  model(name: string): unknown
  /** The store of a collection by name (a registered model's, or a bare one): $lookup, $out, $merge. */
  collectionStore(name: string): Promise<CollectionStore>
  /** Engine transaction for `fn`, used by multi-document writes. */
  transaction<T>(
    internals: ModelInternals,
    fn: (txn: import('../engine/contract.js').EngineTxn | undefined) => Promise<T>
  ): Promise<T>
}

/** A model's internal description (`Model.$__model`). */
export interface ModelInternals {
  readonly name: string
  readonly schema: Schema
  readonly collectionName: string
  readonly host: ModelHost
  /** For discriminator models: the key, this model's value and the base model's internals. */
  readonly discriminator?: { key: string; value: string; base: ModelInternals }
}
