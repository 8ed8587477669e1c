import { describe, expect, it } from 'vitest'
import type { StoredDoc } from '../../src/engine/contract.js'
import { createMemoryEngine, memoryBackend } from '../../src/engine/memory/index.js'
import { ObjectId } from '../../src/values/bson.js'

async function open(options: Parameters<typeof createMemoryEngine>[0] = {}) {
  const engine = createMemoryEngine(options)
  await engine.open()
  return engine
}

describe('memory engine', () => {
  it('declares its capabilities, results being the stored objects', async () => {
    const engine = await open()
    expect(engine.capabilities).toMatchObject({
      persistent: false,
      transactions: true,
      filterPushdown: false,
      ownedResults: false,
    })
    expect(memoryBackend.name).toBe('memory')
    expect(memoryBackend.createEngine({}).name).toBe('memory')
  })

  it('answers synchronously', async () => {
    const coll = (await open()).collection('c', { indexes: [] })
    expect(coll.insert([{ _id: 1 }])).toBeUndefined()
    expect(coll.get(1)).toEqual({ _id: 1 })
    expect(coll.count({})).toBe(1)
    expect(Array.isArray([...coll.scan({})][0])).toBe(true)
  })

  it('never mutates a stored object: a replace stores a new one', async () => {
    const coll = (await open()).collection('c', { indexes: [] })
    coll.insert([{ _id: 1, v: 1 }])
    const before = coll.get(1) as StoredDoc
    coll.replace({ _id: 1, v: 2 })
    expect(before).toEqual({ _id: 1, v: 1 })
    expect(coll.get(1)).toEqual({ _id: 1, v: 2 })
    expect(coll.get(1)).not.toBe(before)
  })

  it('adopts the caller objects when copyOnWrite is off', async () => {
    const coll = (await open({ copyOnWrite: false })).collection('c', { indexes: [] })
    const doc = { _id: 1, v: 1 }
    coll.insert([doc])
    expect(coll.get(1)).toBe(doc)
    const copying = (await open()).collection('c', { indexes: [] })
    copying.insert([doc])
    expect(copying.get(1)).not.toBe(doc)
  })

  it('scans in insertion order while _ids arrive ascending, and in _id order otherwise', async () => {
    const coll = (await open()).collection('c', { indexes: [] })
    const ids = [new ObjectId(), new ObjectId(), new ObjectId()]
    coll.insert(ids.map((_id) => ({ _id })))
    expect(coll.explainScan({})).toMatchObject({ stage: 'COLLSCAN', order: 'insertion' })
    coll.insert([{ _id: new ObjectId('000000000000000000000000') }])
    expect(coll.explainScan({})).toMatchObject({ order: '_id' })
    const order = [...coll.scan({})].flat().map((d) => String(d._id))
    expect(order).toEqual(['000000000000000000000000', ...ids.map(String)])
    coll.clear()
    expect(coll.explainScan({})).toMatchObject({ order: 'insertion' })
  })

  it('answers a full-key equality by hash lookup and ranges by walking the ordered view', async () => {
    const coll = (await open()).collection('c', {
      indexes: [{ name: 'a_1', key: [['a', 1]] }],
    })
    coll.insert([
      { _id: 1, a: 1 },
      { _id: 2, a: 2 },
    ])
    const one = { lower: [1], lowerInclusive: true, upper: [1], upperInclusive: true }
    expect(coll.explainScan({ index: 'a_1', ranges: [one] })).toMatchObject({
      intervals: 1,
      lookups: 1,
    })
    const span = { lower: [1], lowerInclusive: true, upper: [5], upperInclusive: true }
    expect(coll.explainScan({ index: 'a_1', ranges: [span] })).toMatchObject({
      intervals: 1,
      lookups: 0,
    })
  })

  it('gives a single-equality read the same documents as the general interval walk', async () => {
    const coll = (await open()).collection('c', {
      indexes: [
        { name: 'a_1', key: [['a', 1]] },
        { name: 'b_-1', key: [['b', -1]] },
        {
          name: 'a_1_b_1',
          key: [
            ['a', 1],
            ['b', 1],
          ],
        },
      ],
    })
    const values = [1, 1.0, 2, '1', 'x', null, true, new Date(5), [1, 2], { k: 1 }]
    coll.insert(values.map((v, i) => ({ _id: i, a: v, b: values[(i * 3) % values.length] })))
    coll.insert([{ _id: 'missing' }])
    const read = (index: string, ranges: object[]) => {
      const out: unknown[] = []
      for (const batch of coll.scan({ index, ranges } as never))
        out.push(...batch.map((d) => d._id))
      return out.sort()
    }
    const probes: unknown[][] = [...values, undefined].map((v) => [v === undefined ? null : v])
    for (const key of probes) {
      // One range whose bounds are the same tuple: the single-key lookup. Two copies of it: the
      // general path (intervals merged, then looked up).
      const single = { lower: key, upper: key, lowerInclusive: true, upperInclusive: true }
      const twin = { lower: [...key], upper: [...key], lowerInclusive: true, upperInclusive: true }
      for (const index of ['a_1', 'b_-1', '_id_']) {
        expect(read(index, [single])).toEqual(read(index, [single, twin]))
      }
      const pair = [...key, key[0]]
      const both = { lower: pair, upper: pair, lowerInclusive: true, upperInclusive: true }
      expect(read('a_1_b_1', [both])).toEqual(
        read('a_1_b_1', [both, { ...both, lower: [...pair] }])
      )
    }
    // Sanity: the lookup finds what equality means (1 and 1.0 are one key; '1' is another).
    const one = { lower: [1], upper: [1], lowerInclusive: true, upperInclusive: true }
    expect(read('a_1', [one])).toEqual([0, 1, 8])
  })

  it('keeps the ordered view in step with writes made after it was built', async () => {
    const coll = (await open()).collection('c', { indexes: [{ name: 'a_1', key: [['a', 1]] }] })
    coll.insert([
      { _id: 1, a: 5 },
      { _id: 2, a: 5 },
      { _id: 3, a: 1 },
    ])
    const scanA = () => [...coll.scan({ index: 'a_1' })].flat().map((d) => d._id)
    expect(scanA()).toEqual([3, 1, 2])
    coll.replace({ _id: 3, a: 9 })
    coll.delete([1])
    coll.insert([{ _id: 4, a: 0 }])
    expect(scanA()).toEqual([4, 2, 3])
  })

  it('rolls back a replaced multikey document with its index entries', async () => {
    const engine = await open()
    const coll = engine.collection('c', {
      indexes: [{ name: 'tags_1', key: [['tags', 1]], unique: true }],
    })
    coll.insert([{ _id: 1, tags: ['a', 'b'] }])
    await expect(
      engine.transaction(async (txn) => {
        coll.replace({ _id: 1, tags: ['b', 'c'] }, txn)
        coll.insert([{ _id: 2, tags: ['a'] }], txn)
        throw new Error('undo')
      })
    ).rejects.toThrow('undo')
    const tagged = (t: string) =>
      coll.count({
        index: 'tags_1',
        ranges: [{ lower: [t], lowerInclusive: true, upper: [t], upperInclusive: true }],
      })
    expect([tagged('a'), tagged('b'), tagged('c')]).toEqual([1, 1, 0])
    expect(() => coll.insert([{ _id: 3, tags: ['a'] }])).toThrow(
      expect.objectContaining({ code: 11000 })
    )
  })

  it('rejects malformed or conflicting index specs with coded errors', async () => {
    const coll = (await open()).collection('c', { indexes: [{ name: 'a_1', key: [['a', 1]] }] })
    expect(() => coll.ensureIndex({ name: 'x', key: [] })).toThrow(
      expect.objectContaining({ code: 'BAD_INDEX' })
    )
    expect(() => coll.ensureIndex({ name: 'x', key: [['a', 2 as 1]] })).toThrow(
      expect.objectContaining({ code: 'BAD_INDEX' })
    )
    expect(() => coll.ensureIndex({ name: 'x', key: [['__proto__', 1]] })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
    expect(() => coll.ensureIndex({ name: 'a_1', key: [['a', -1]] })).toThrow(
      expect.objectContaining({ code: 'INDEX_CONFLICT' })
    )
    expect(() => coll.scan({ index: 'nope' })).toThrow(
      expect.objectContaining({ code: 'INDEX_NOT_FOUND' })
    )
    expect(() => coll.insert([{ x: 1 } as unknown as StoredDoc])).toThrow(
      expect.objectContaining({ code: 'BAD_DOCUMENT' })
    )
  })

  it('rejects durability it cannot honour at open', async () => {
    await expect(createMemoryEngine({ durability: 'full' }).open()).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
    })
    await expect(createMemoryEngine({ durability: 'memory' }).open()).resolves.toBeUndefined()
  })

  it('refuses a transaction handle from another engine', async () => {
    const a = await open()
    const b = await open()
    const coll = b.collection('c', { indexes: [] })
    await expect(
      a.transaction(async (txn) => coll.insert([{ _id: 1 }], txn))
    ).rejects.toMatchObject({
      code: 'BAD_TRANSACTION',
    })
  })
  it('keeps the documents sharing a key in insertion order through deletes, replaces and rollbacks', async () => {
    const engine = await open()
    const coll = engine.collection('c', { indexes: [{ name: 'k_1', key: [['k', 1]] }] })
    // The model: per key, an insertion-ordered set of ids (a replace re-adds at the end).
    const model = new Map<number, number[]>()
    const put = (k: number, id: number) => model.set(k, [...(model.get(k) ?? []), id])
    const drop = (k: number, id: number) =>
      model.set(
        k,
        (model.get(k) ?? []).filter((x) => x !== id)
      )
    const exact = (k: number) => ({
      index: 'k_1',
      ranges: [{ lower: [k], lowerInclusive: true, upper: [k], upperInclusive: true }],
    })
    const range = {
      index: 'k_1',
      ranges: [{ lower: [0], lowerInclusive: true, upper: [9], upperInclusive: true }],
    }
    const check = () => {
      for (const k of [1, 2]) {
        expect([...coll.scan(exact(k))].flat().map((d) => d._id)).toEqual(model.get(k) ?? [])
        expect(coll.count(exact(k))).toBe((model.get(k) ?? []).length)
      }
      expect([...coll.scan(range)].flat().map((d) => d._id)).toEqual([
        ...(model.get(1) ?? []),
        ...(model.get(2) ?? []),
      ])
    }
    coll.insert([1, 2, 3, 4, 5].map((_id) => ({ _id, k: 1 })))
    for (const id of [1, 2, 3, 4, 5]) put(1, id)
    check()
    coll.delete([2])
    drop(1, 2)
    check()
    coll.insert([{ _id: 6, k: 1 }])
    put(1, 6)
    coll.replace({ _id: 3, k: 1, v: 'again' })
    drop(1, 3)
    put(1, 3)
    check()
    coll.replace({ _id: 4, k: 2 })
    drop(1, 4)
    put(2, 4)
    check()
    await expect(
      engine.transaction(async (txn) => {
        coll.insert(
          [
            { _id: 7, k: 2 },
            { _id: 8, k: 2 },
          ],
          txn
        )
        coll.delete([5], txn)
        throw new Error('roll back')
      })
    ).rejects.toThrow('roll back')
    // Rolled back: 7 and 8 are gone, 5 is back (at the end, as a re-add).
    drop(1, 5)
    put(1, 5)
    check()
    // A unique collision in a batch leaves every group as it was.
    expect(() =>
      coll.insert([
        { _id: 9, k: 1 },
        { _id: 1, k: 2 },
      ])
    ).toThrow()
    check()
  })
  it('finds duplicate _ids whether or not they arrive in ascending order', async () => {
    const coll = (await open()).collection('c', { indexes: [] })
    coll.insert([{ _id: 1 }, { _id: 2 }, { _id: 3 }])
    expect(() => coll.insert([{ _id: 4 }, { _id: 3 }])).toThrow(
      expect.objectContaining({ code: 11000, index: 1 })
    )
    expect(() => coll.insert([{ _id: 5 }, { _id: 6 }, { _id: 5 }])).toThrow(
      expect.objectContaining({ code: 11000, index: 2 })
    )
    expect(coll.size).toBe(3)
    coll.delete([3])
    coll.insert([{ _id: 3 }, { _id: 0 }])
    expect(() => coll.insert([{ _id: 0 }])).toThrow(expect.objectContaining({ code: 11000 }))
    expect([...coll.scan({})].flat().map((d) => d._id)).toEqual([0, 1, 2, 3])
  })
})
