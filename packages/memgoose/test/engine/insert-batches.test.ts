/**
 * insertMany hands the engine at most INSERT_BATCH documents per write (one engine transaction stays
 * bounded), whatever the input size, and keeps MongoDB's ordered rule across the batches.
 */
import { describe, expect, it } from 'vitest'
import { createDatabase, Schema } from 'memgoose'
import type { EngineCollection, StorageEngine } from '../../src/engine/contract.js'
import { createMemoryEngine } from '../../src/engine/memory/index.js'
import { INSERT_BATCH } from '../../src/model/insert-many.js'

/** A memory engine that records the size of every insert call. */
function recordingEngine(sizes: number[]): StorageEngine {
  const engine: StorageEngine = createMemoryEngine()
  const collection = engine.collection.bind(engine)
  engine.collection = async (name, spec) => {
    const coll: EngineCollection = await collection(name, spec)
    const insert = coll.insert.bind(coll)
    coll.insert = (docs, txn) => {
      sizes.push(docs.length)
      return insert(docs, txn)
    }
    return coll
  }
  return engine
}

describe('insertMany batches', () => {
  it('never gives the engine more than INSERT_BATCH documents in one write', async () => {
    const sizes: number[] = []
    const db = await createDatabase({ storage: recordingEngine(sizes), ttlInterval: 0 })
    const Row = db.model('Row', new Schema({ n: Number }))
    const total = INSERT_BATCH * 2 + 5
    await Row.insertMany(
      Array.from({ length: total }, (_, n) => ({ n })),
      { lean: true }
    )
    expect(sizes).toEqual([INSERT_BATCH, INSERT_BATCH, 5])
    expect(await Row.countDocuments()).toBe(total)
    await db.close()
  })
})
