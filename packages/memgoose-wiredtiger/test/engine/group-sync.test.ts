/** Durability `full` with group commit: concurrent writers share log syncs, and each waits for one. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createWiredTigerEngine, type WiredTigerEngine } from '../../src/engine/index.js'

const WRITERS = 40

async function syncs(engine: WiredTigerEngine): Promise<number> {
  const details = (await engine.stats()).details as { log: Record<string, number> }
  return details.log['log: log sync operations']
}

describe('group commit at durability full', () => {
  let dir: string
  let engine: WiredTigerEngine

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'memgoose-wt-group-'))
    engine = createWiredTigerEngine({ dataPath: dir, durability: 'full', checkpointInterval: 0 })
    await engine.open()
  })

  afterEach(async () => {
    await engine.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('acknowledges concurrent writes with fewer log syncs than writes', async () => {
    const events = await engine.collection('events', { indexes: [] })
    const before = await syncs(engine)
    await Promise.all(Array.from({ length: WRITERS }, (_, n) => events.insert([{ _id: n, n }])))
    const used = (await syncs(engine)) - before
    expect(used).toBeGreaterThan(0)
    expect(used).toBeLessThan(WRITERS)
    expect(await events.count({})).toBe(WRITERS)
  })

  it('syncs once more for a write that arrives after the others were acknowledged', async () => {
    const events = await engine.collection('events', { indexes: [] })
    await events.insert([{ _id: 'first' }])
    const before = await syncs(engine)
    await events.insert([{ _id: 'second' }])
    expect((await syncs(engine)) - before).toBeGreaterThan(0)
  })

  it('shares the sync with transactions and reports their results', async () => {
    const events = await engine.collection('events', { indexes: [] })
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, n) =>
        engine.transaction(async (txn) => {
          await events.insert([{ _id: `t${n}` }], txn)
          return n
        })
      )
    )
    expect(results).toEqual([0, 1, 2, 3, 4])
    expect(await events.count({})).toBe(5)
  })
})
