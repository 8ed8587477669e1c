import { describe, expect, it } from 'vitest'
import { createDatabase, Schema, type StorageStrategy } from 'memgoose'

type Doc = Record<string, unknown>

/** An in-memory StorageStrategy that can be told to fail its next write. */
function fakeStrategy(initial: Doc[] = []) {
  const rows = new Map<string, Doc>(initial.map((d) => [String(d._id), structuredClone(d)]))
  const state = { failNext: false, rows, flushed: 0, closed: 0 }
  const maybeFail = () => {
    if (state.failNext) {
      state.failNext = false
      throw new Error('disk full')
    }
  }
  const strategy: StorageStrategy = {
    async initialize() {},
    async getAll() {
      return [...rows.values()].map((d) => structuredClone(d))
    },
    async insert(doc) {
      maybeFail()
      rows.set(String(doc._id), structuredClone(doc))
    },
    async insertMany(docs) {
      maybeFail()
      for (const d of docs) rows.set(String(d._id), structuredClone(d))
    },
    async update(id, doc) {
      maybeFail()
      rows.set(String(id), structuredClone(doc))
    },
    async delete(id) {
      maybeFail()
      rows.delete(String(id))
    },
    async deleteMany(ids) {
      maybeFail()
      for (const id of ids) rows.delete(String(id))
    },
    async clear() {
      rows.clear()
    },
    async flush() {
      state.flushed++
    },
    async close() {
      state.closed++
    },
  }
  return { strategy, state }
}

const schema = new Schema({ name: String, n: Number })

describe('StorageStrategy adapter', () => {
  it('loads existing documents and answers queries from memory', async () => {
    const { strategy } = fakeStrategy([
      { _id: 'a', name: 'Ann', n: 1 },
      { _id: 'b', name: 'Bob', n: 2 },
    ])
    const db = await createDatabase({ models: { Person: { storage: strategy } } })
    const Person = db.model('Person', new Schema({ _id: String, name: String, n: Number }))
    expect(
      (await Person.find({ n: { $gt: 1 } }).lean()).map((p: { name: string }) => p.name)
    ).toEqual(['Bob'])
    await db.close()
  })

  it('writes through inserts, updates and deletes', async () => {
    const { strategy, state } = fakeStrategy()
    const db = await createDatabase({ models: { Person: { storage: strategy } } })
    const Person = db.model('Person', schema)
    const p = await Person.create({ name: 'Ann', n: 1 })
    await Person.updateOne({ _id: p._id }, { $inc: { n: 5 } })
    expect(state.rows.get(String(p._id))).toMatchObject({ name: 'Ann', n: 6 })
    await Person.deleteOne({ _id: p._id })
    expect(state.rows.size).toBe(0)
    await db.close()
    expect(state.flushed).toBe(1)
    expect(state.closed).toBe(1)
  })

  it('undoes the in-memory change when the strategy write fails', async () => {
    const { strategy, state } = fakeStrategy()
    const db = await createDatabase({ models: { Person: { storage: strategy } } })
    const Person = db.model('Person', schema)
    const p = await Person.create({ name: 'Ann', n: 1 })

    state.failNext = true
    await expect(Person.create({ name: 'Bob', n: 2 })).rejects.toThrow('disk full')
    state.failNext = true
    await expect(Person.updateOne({ _id: p._id }, { $set: { n: 99 } })).rejects.toThrow('disk full')
    state.failNext = true
    await expect(Person.deleteOne({ _id: p._id })).rejects.toThrow('disk full')

    const inMemory = await Person.find().lean()
    expect(inMemory).toEqual([expect.objectContaining({ name: 'Ann', n: 1 })])
    expect([...state.rows.values()]).toEqual([expect.objectContaining({ name: 'Ann', n: 1 })])
    await db.close()
  })
})
