/**
 * Connects the aggregation runner to a model: the pipeline's head goes through the planner (indexes),
 * `$lookup`/`$unionWith`/`$graphLookup` read other collections through their stores, and `$out` /
 * `$merge` write into collections of the same database.
 */
import {
  Aggregate,
  BATCH_SIZE,
  runPipeline,
  runPipelineBatches,
  type PipelineHead,
  explainPipeline,
  type AggregateContext,
  type AggregateOptions,
} from '../aggregate/index.js'
import type { EngineTxn, StoredDoc } from '../engine/contract.js'
import { QueryError } from '../errors/index.js'
import { ObjectId } from '../values/bson.js'
import { cloneValue } from '../values/clone.js'
import { valuesEqual } from '../values/compare.js'
import type { ModelClass } from './model-types.js'
import { resolveTxn } from './session.js'
import type { CollectionStore } from './store.js'

type Doc = Record<string, unknown>

/** The database access a pipeline on `model` needs. */
function contextFor(
  model: ModelClass,
  txn: EngineTxn | undefined,
  variables: Record<string, unknown> | undefined
): AggregateContext {
  const internals = model.$__model
  const host = internals.host
  const disc = internals.discriminator
  const sourceBatches = (head: PipelineHead): AsyncIterable<Doc[]> => {
    const filter = { ...(head.filter ?? {}) }
    if (disc && filter[disc.key] === undefined) filter[disc.key] = disc.value
    return (async function* () {
      const store = await host.storeFor(internals)
      // Stages never mutate their input, and run() copies what leaves the pipeline: borrow.
      yield* store.streamBatches(filter, {
        sort: head.sort,
        skip: head.skip,
        limit: head.limit,
        txn,
        borrow: true,
        // The batch size the runner itself cuts streams into: fewer, fuller batches per stage hop.
        batchSize: BATCH_SIZE,
      })
    })()
  }
  return {
    variables,
    source(head) {
      return (async function* () {
        for await (const batch of sourceBatches(head)) yield* batch
      })()
    },
    sourceBatches,
    async find(collection, filter) {
      const store = await host.collectionStore(collection)
      return store.find(filter, { txn, borrow: true })
    },
    async write(collection, docs, mode) {
      const store = await host.collectionStore(collection)
      if (mode.kind === 'out') {
        await store.clear()
        // Pipeline output may share objects with its inputs: store copies.
        const withIds = docs.map((d) =>
          cloneValue(d._id === undefined ? { _id: new ObjectId(), ...d } : d)
        )
        if (withIds.length > 0) await store.insert(withIds as StoredDoc[], txn)
        return
      }
      await merge(store, docs, mode, txn)
    },
  }
}

async function merge(
  store: CollectionStore,
  docs: Doc[],
  mode: Extract<Parameters<NonNullable<AggregateContext['write']>>[2], { kind: 'merge' }>,
  txn: EngineTxn | undefined
): Promise<void> {
  for (const doc of docs) {
    const filter: Doc = {}
    for (const field of mode.on) filter[field] = doc[field]
    const existing = await store.findOne(filter, { txn })
    if (!existing) {
      if (mode.whenNotMatched === 'fail')
        throw new QueryError(
          'MERGE_NO_MATCH',
          '$merge could not find a matching document in the target collection for an input document'
        )
      if (mode.whenNotMatched === 'discard') continue
      await store.insert(
        [cloneValue(doc._id === undefined ? { _id: new ObjectId(), ...doc } : doc) as StoredDoc],
        txn
      )
      continue
    }
    const { _id: _ignored, ...rest } = doc
    switch (mode.whenMatched) {
      case 'keepExisting':
        break
      case 'fail':
        throw new QueryError(
          'MERGE_MATCH',
          '$merge found an existing document matching an input document and whenMatched is "fail"'
        )
      case 'replace':
        await store.replace(cloneValue({ ...rest, _id: existing._id }) as StoredDoc, txn)
        break
      case 'merge':
        await store.replace(
          cloneValue({ ...existing, ...rest, _id: existing._id }) as StoredDoc,
          txn
        )
        break
      default:
        throw new QueryError(
          'NOT_SUPPORTED',
          '$merge with a pipeline for whenMatched is not supported'
        )
    }
    if (
      doc._id !== undefined &&
      !valuesEqual(doc._id, existing._id) &&
      mode.whenMatched !== 'keepExisting'
    ) {
      throw new QueryError(
        'IMMUTABLE_FIELD',
        '$merge cannot change the _id of an existing document'
      )
    }
  }
}

/** `Model.aggregate(pipeline)`: an Aggregate builder bound to the model (thenable, with cursor()). */
export function runAggregate(
  model: ModelClass,
  pipeline: Doc[],
  options?: Record<string, unknown>
): Aggregate {
  const hooks = model.schema.s.hooks
  const agg: Aggregate = new Aggregate(pipeline, {
    run(stages: Doc[], opts: AggregateOptions = {}) {
      return (async function* () {
        const store = await model.$__model.host.storeFor(model.$__model)
        const txn = await resolveTxn(opts.session, store.engine)
        // Output may still be (or contain) borrowed stored documents: hand out copies.
        for await (const doc of runPipeline(stages, contextFor(model, txn, opts.let))) {
          yield cloneValue(doc)
        }
      })()
    },
    runBatches(stages: Doc[], opts: AggregateOptions = {}) {
      return (async function* () {
        const store = await model.$__model.host.storeFor(model.$__model)
        const txn = await resolveTxn(opts.session, store.engine)
        // Output may still be (or contain) borrowed stored documents: hand out copies.
        for await (const batch of runPipelineBatches(stages, contextFor(model, txn, opts.let))) {
          yield batch.map(cloneValue)
        }
      })()
    },
    async explain(stages: Doc[]) {
      const store = await model.$__model.host.storeFor(model.$__model)
      const plan = explainPipeline(stages)
      const filter = plan.head.filter ?? {}
      return {
        ...plan,
        queryPlanner: store.explain(filter, {
          sort: plan.head.sort,
          limit: plan.head.limit,
          skip: plan.head.skip,
        }),
      }
    },
    hooks: {
      pre: (a: Aggregate) => hooks.runPre('aggregate', a, 'aggregate'),
      post: async (a: Aggregate, result: Doc[]) => {
        await hooks.runPost('aggregate', a, 'aggregate', result)
      },
    },
  })
  if (options) agg.option(options)
  return agg
}
