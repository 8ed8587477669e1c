/**
 * Large inserts (the putMany path): the same all-or-nothing and duplicate-position rules as small
 * ones, indexes filled, multikey noticed.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DuplicateKeyError, type EngineCollection, type StoredDoc } from 'memgoose'
import { BULK_CHUNK, BULK_MIN } from '../../src/engine/bulk-insert.js'
import { createWiredTigerEngine, type WiredTigerEngine } from '../../src/engine/index.js'

// Several chunks, so a failure can come after earlier chunks reached the tables.
const N = Math.max(BULK_MIN, BULK_CHUNK * 2) + 500
const users = (from: number, n: number): StoredDoc[] =>
  Array.from({ length: n }, (_, i) => ({
    _id: from + i,
    email: `user${from + i}@example.com`,
    age: (from + i) % 90,
  }))

async function all(users: EngineCollection, plan = {}): Promise<StoredDoc[]> {
  const out: StoredDoc[] = []
  for await (const batch of users.scan(plan)) out.push(...batch)
  return out
}

async function rejection(write: unknown): Promise<DuplicateKeyError> {
  try {
    await write
  } catch (err) {
    expect(err).toBeInstanceOf(DuplicateKeyError)
    return err as DuplicateKeyError
  }
  throw new Error('the insert was not rejected')
}

describe('bulk insert', () => {
  let dir: string
  let engine: WiredTigerEngine
  let coll: EngineCollection

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'memgoose-wt-bulk-'))
    engine = createWiredTigerEngine({ dataPath: dir, durability: 'none', checkpointInterval: 0 })
    await engine.open()
    coll = await engine.collection('users', {
      indexes: [
        { name: 'email_1', key: [['email', 1]], unique: true },
        { name: 'age_1', key: [['age', 1]] },
      ],
    })
  })

  afterEach(async () => {
    await engine.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('stores every document and fills every index', async () => {
    await coll.insert(users(0, N))
    expect(await coll.count({})).toBe(N)
    const byEmail = await all(coll, {
      index: 'email_1',
      ranges: [
        {
          lower: ['user1234@example.com'],
          upper: ['user1234@example.com'],
          lowerInclusive: true,
          upperInclusive: true,
        },
      ],
    })
    expect(byEmail).toEqual([{ _id: 1234, email: 'user1234@example.com', age: 1234 % 90 }])
    const aged = await all(coll, {
      index: 'age_1',
      ranges: [{ lower: [7], upper: [7], lowerInclusive: true, upperInclusive: true }],
    })
    expect(aged.map((d) => d._id)).toEqual(
      users(0, N)
        .filter((d) => d.age === 7)
        .map((d) => d._id)
    )
    expect((await coll.listIndexes()).find((i) => i.name === 'age_1')?.multikey).toBe(false)
  })

  it('rejects a batch repeating an _id at the position of the repeat, writing nothing', async () => {
    const docs = users(0, N)
    docs[1200] = { ...docs[1200], _id: 17 }
    const err = await rejection(coll.insert(docs))
    expect(err.index).toBe(1200)
    expect(err.keyValue).toEqual({ _id: 17 })
    expect(await coll.count({})).toBe(0)
  })

  it('rejects a unique key taken by a stored document at the first position that takes it', async () => {
    await coll.insert(users(0, 10))
    const docs = users(100, N)
    docs[1300] = { ...docs[1300], email: 'user3@example.com' }
    docs[1400] = { ...docs[1400], _id: 4 }
    const err = await rejection(coll.insert(docs))
    expect(err.index).toBe(1300)
    expect(err.keyValue).toEqual({ email: 'user3@example.com' })
    expect(await coll.count({})).toBe(10)
    expect((await all(coll)).map((d) => d._id)).toEqual(users(0, 10).map((d) => d._id))
  })

  it('rejects a unique key repeated in the last chunk, after earlier chunks were written', async () => {
    const docs = users(0, N)
    docs[N - 2] = { ...docs[N - 2], email: docs[5].email }
    const err = await rejection(coll.insert(docs))
    expect(err.index).toBe(N - 2)
    expect(err.keyValue).toEqual({ email: docs[5].email })
    expect(await coll.count({})).toBe(0)
    expect(await all(coll, { index: 'email_1' })).toEqual([])
  })

  it('fills each index completely and in key order, whatever order the documents came in', async () => {
    // Ages and emails in an order unrelated to the _ids.
    const docs = users(0, N).map((d, i) => ({
      ...d,
      age: (i * 37) % 90,
      email: `u${(i * 7919) % N}@x`,
    }))
    await coll.insert(docs)
    const byAge = await all(coll, { index: 'age_1' })
    expect(byAge).toHaveLength(N)
    const expected = [...docs].sort(
      (a, b) => (a.age as number) - (b.age as number) || (a._id as number) - (b._id as number)
    )
    expect(byAge.map((d) => d._id)).toEqual(expected.map((d) => d._id))
    const byEmail = (await all(coll, { index: 'email_1' })).map((d) => d.email as string)
    expect(byEmail).toEqual(docs.map((d) => d.email).sort())
  })

  it('marks an index multikey when a document of the batch holds an array', async () => {
    const docs = users(0, N)
    docs[N - 1] = { ...docs[N - 1], age: [1, 2] }
    await coll.insert(docs)
    expect((await coll.listIndexes()).find((i) => i.name === 'age_1')?.multikey).toBe(true)
    const aged = await all(coll, {
      index: 'age_1',
      ranges: [{ lower: [2], upper: [2], lowerInclusive: true, upperInclusive: true }],
    })
    expect(aged.map((d) => d._id)).toContain(N - 1)
  })
})
