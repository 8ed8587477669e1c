/** Point reads: an exact key of `_id` or of a unique index, without paging. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EngineCollection, EngineTxn, ScanPlan, StoredDoc } from 'memgoose'
import { createWiredTigerEngine, type WiredTigerEngine } from '../../src/engine/index.js'

const exact = (index: string, value: unknown): ScanPlan => ({
  index,
  ranges: [{ lower: [value], upper: [value], lowerInclusive: true, upperInclusive: true }],
})

async function all(coll: EngineCollection, plan: ScanPlan, txn?: EngineTxn) {
  const out: StoredDoc[] = []
  for await (const batch of coll.scan(plan, txn)) out.push(...batch)
  return out
}

describe('point reads', () => {
  let dir: string
  let engine: WiredTigerEngine
  let coll: EngineCollection

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'memgoose-wt-scan-'))
    engine = createWiredTigerEngine({ dataPath: dir, durability: 'none', checkpointInterval: 0 })
    await engine.open()
    coll = await engine.collection('users', {
      indexes: [{ name: 'email_1', key: [['email', 1]], unique: true }],
    })
    await coll.insert([
      { _id: 1, email: 'a@x' },
      { _id: 2, email: 'b@x' },
    ])
  })

  afterEach(async () => {
    await engine.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('finds one document by unique key or _id, and nothing for an absent key', async () => {
    expect(await all(coll, exact('email_1', 'b@x'))).toEqual([{ _id: 2, email: 'b@x' }])
    expect(await all(coll, exact('_id_', 1))).toEqual([{ _id: 1, email: 'a@x' }])
    expect(await all(coll, exact('email_1', 'c@x'))).toEqual([])
    expect(await all(coll, exact('_id_', 3))).toEqual([])
  })

  it('reads a transaction’s own uncommitted write, which others do not see', async () => {
    await engine.transaction(async (txn) => {
      await coll.insert([{ _id: 3, email: 'c@x' }], txn)
      expect(await all(coll, exact('email_1', 'c@x'), txn)).toEqual([{ _id: 3, email: 'c@x' }])
      expect(await all(coll, exact('email_1', 'c@x'))).toEqual([])
    })
  })
})
