/**
 * Bulk inserts write chunks of rows that skip collisions instead of failing on them; a chunk that
 * skipped anything rolls the whole call back and redoes it one document at a time. These calls
 * span several chunks, so the collision lands after earlier chunks were written.
 */
import { describe, expect, it } from 'vitest'
import { DuplicateKeyError } from 'memgoose'
import type { StoredDoc } from 'memgoose'
import { CHUNK } from '../src/bulk-insert.js'
import { collect, openEngine } from './helpers.js'

const many = (n: number, from = 0): StoredDoc[] =>
  Array.from({ length: n }, (_, i) => ({ _id: from + i, email: `u${from + i}@x`, tags: [i % 3] }))

function duplicateOf(fn: () => void): DuplicateKeyError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(DuplicateKeyError)
    return error as DuplicateKeyError
  }
  throw new Error('expected a DuplicateKeyError')
}

async function open() {
  const engine = await openEngine()
  const c = engine.collection('bulk', {
    indexes: [
      { name: 'email_1', key: [['email', 1]], unique: true },
      { name: 'tags_1', key: [['tags', 1]] },
    ],
  })
  return { engine, c }
}

describe('bulk insert collisions', () => {
  const n = CHUNK * 2 + 100

  it('reports the first colliding document of a multi-chunk call and writes nothing', async () => {
    const { engine, c } = await open()
    c.insert([{ _id: 'seed', email: 'seed@x' }])
    const docs = many(n)
    const at = CHUNK * 2 + 7
    // Collides with a stored document on the unique index, and later on _id within the call.
    docs[at] = { ...docs[at], email: 'seed@x' }
    docs[n - 1] = { ...docs[n - 1], _id: 3 }
    const error = duplicateOf(() => c.insert(docs))
    expect(error.index).toBe(at)
    expect(error.keyValue).toEqual({ email: 'seed@x' })
    expect(c.count({})).toBe(1)
    expect(c.listIndexes().find((i) => i.name === 'tags_1')?.multikey).toBe(false)
    await engine.close()
  })

  it('reports a collision between two documents of the call at the later one', async () => {
    const { engine, c } = await open()
    const docs = many(n)
    docs[CHUNK + 1] = { ...docs[CHUNK + 1], _id: 5 }
    expect(duplicateOf(() => c.insert(docs)).index).toBe(CHUNK + 1)
    expect(c.count({})).toBe(0)
    c.insert(many(n))
    expect(c.count({})).toBe(n)
    expect(c.listIndexes().find((i) => i.name === 'tags_1')?.multikey).toBe(true)
    const found = (await collect(c.scan({ filter: { email: `u${n - 1}@x` } }))) as StoredDoc[]
    expect(found.map((d) => d._id)).toEqual([n - 1])
    await engine.close()
  })

  it('rolls back only the failed call inside a transaction', async () => {
    const { engine, c } = await open()
    await engine.transaction(async (txn) => {
      c.insert(many(10, 10_000), txn)
      const docs = many(n)
      docs[n - 1] = { ...docs[n - 1], email: 'u10005@x' }
      expect(duplicateOf(() => c.insert(docs, txn)).index).toBe(n - 1)
      c.insert(many(5, 20_000), txn)
    })
    expect(c.count({})).toBe(15)
    await engine.close()
  })
})
