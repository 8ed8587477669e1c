/**
 * Conformance: index maintenance — unique, sparse, partial, multikey, TTL specs, building over
 * existing data, dropping and listing.
 */
import { describe, expect, it } from 'vitest'
import type { EngineCollection, IndexSpec } from '../engine/contract.js'
import type { Harness } from './harness.js'
import { caught, drain, eq, ids } from './harness.js'

const EMAIL: IndexSpec = { name: 'email_1', key: [['email', 1]], unique: true }

async function emails(coll: EngineCollection, value: unknown): Promise<unknown[]> {
  return ids(await drain(coll.scan({ index: 'email_1', ranges: [eq(value)] })))
}

/** Registers the index tests. */
export function indexSuite(h: Harness): void {
  describe('indexes', () => {
    it('lists _id_ first, then secondary indexes with their options and multikey flag', async () => {
      const coll = await h.collection([EMAIL, { name: 'tags_1', key: [['tags', 1]] }])
      await coll.insert([{ _id: 1, email: 'a@x', tags: ['a', 'b'] }])
      const list = await coll.listIndexes()
      expect(list.map((i) => i.name)).toEqual(['_id_', 'email_1', 'tags_1'])
      expect(list[0].key).toEqual([['_id', 1]])
      expect(list[1]).toMatchObject({ key: [['email', 1]], unique: true, multikey: false })
      expect(list[2]).toMatchObject({ key: [['tags', 1]], multikey: true })
    })

    it('rejects a duplicate unique key on insert and replace, writing nothing', async () => {
      const coll = await h.collection([EMAIL])
      await coll.insert([
        { _id: 1, email: 'a@x' },
        { _id: 2, email: 'b@x' },
      ])
      const err = await caught(() =>
        coll.insert([
          { _id: 3, email: 'c@x' },
          { _id: 4, email: 'a@x' },
        ])
      )
      expect(err.code).toBe(11000)
      expect(err.index).toBe(1)
      expect(err.keyPattern).toEqual({ email: 1 })
      expect(err.keyValue).toEqual({ email: 'a@x' })
      expect(await coll.get(3)).toBeUndefined()
      expect(await emails(coll, 'c@x')).toEqual([])
      const onReplace = await caught(() => coll.replace({ _id: 2, email: 'a@x' }))
      expect(onReplace.code).toBe(11000)
      expect(await coll.get(2)).toEqual({ _id: 2, email: 'b@x' })
      expect(await emails(coll, 'b@x')).toEqual([2])
      expect(await coll.replace({ _id: 2, email: 'b@x', extra: true })).toBe(true)
    })

    it('moves index entries when a document is replaced or deleted', async () => {
      const coll = await h.collection([EMAIL])
      await coll.insert([{ _id: 1, email: 'old@x' }])
      await coll.replace({ _id: 1, email: 'new@x' })
      expect(await emails(coll, 'old@x')).toEqual([])
      expect(await emails(coll, 'new@x')).toEqual([1])
      await coll.insert([{ _id: 2, email: 'old@x' }])
      await coll.delete([1])
      expect(await emails(coll, 'new@x')).toEqual([])
      await coll.insert([{ _id: 3, email: 'new@x' }])
      expect(await emails(coll, 'new@x')).toEqual([3])
    })

    it('types unique keys: 1, "1", null, "null" and a missing field', async () => {
      const coll = await h.collection([{ name: 'k_1', key: [['k', 1]], unique: true }])
      await coll.insert([
        { _id: 1, k: 1 },
        { _id: 2, k: '1' },
        { _id: 3, k: null },
        { _id: 4, k: 'null' },
      ])
      expect((await caught(() => coll.insert([{ _id: 5 }]))).code).toBe(11000)
      expect((await caught(() => coll.insert([{ _id: 6, k: 1.0 }]))).code).toBe(11000)
      expect(await coll.count({})).toBe(4)
    })

    it('skips documents missing every key field in a sparse index', async () => {
      const coll = await h.engine()
      const features = coll.capabilities.indexFeatures
      const c = await coll.collection('items', { indexes: [] })
      const spec: IndexSpec = { name: 'k_1', key: [['k', 1]], unique: true, sparse: true }
      if (!features.includes('sparse')) {
        expect((await caught(() => c.ensureIndex(spec))).code).toBe('NOT_SUPPORTED')
        return
      }
      await c.ensureIndex(spec)
      await c.insert([{ _id: 1 }, { _id: 2 }, { _id: 3, k: null }, { _id: 4, k: 'a' }])
      expect(await c.count({ index: 'k_1' })).toBe(2)
      expect((await caught(() => c.insert([{ _id: 5, k: null }]))).code).toBe(11000)
    })

    it('indexes and constrains only documents matching a partial filter', async () => {
      const engine = await h.engine()
      const c = await engine.collection('items', { indexes: [] })
      const spec: IndexSpec = {
        name: 'email_active',
        key: [['email', 1]],
        unique: true,
        partialFilterExpression: { active: true },
      }
      if (!engine.capabilities.indexFeatures.includes('partial')) {
        expect((await caught(() => c.ensureIndex(spec))).code).toBe('NOT_SUPPORTED')
        return
      }
      await c.ensureIndex(spec)
      await c.insert([
        { _id: 1, email: 'a', active: true },
        { _id: 2, email: 'a', active: false },
        { _id: 3, email: 'a' },
      ])
      expect((await caught(() => c.insert([{ _id: 4, email: 'a', active: true }]))).code).toBe(
        11000
      )
      expect(ids(await drain(c.scan({ index: 'email_active' })))).toEqual([1])
      await c.replace({ _id: 1, email: 'a', active: false })
      await c.insert([{ _id: 4, email: 'a', active: true }])
      expect(ids(await drain(c.scan({ index: 'email_active' })))).toEqual([4])
    })

    it('returns a multikey document once per scan, and rejects shared elements when unique', async () => {
      const coll = await h.collection([
        { name: 'tags_1', key: [['tags', 1]] },
        { name: 'codes_1', key: [['codes', 1]], unique: true },
      ])
      await coll.insert([
        { _id: 1, tags: ['a', 'b', 'c'], codes: [1, 2, 2] },
        { _id: 2, tags: ['b'], codes: [3] },
        { _id: 3, tags: [], codes: 4 },
      ])
      const docs = await drain(coll.scan({ index: 'tags_1' }))
      expect([...ids(docs)].sort()).toEqual([1, 2, 3])
      expect(ids(await drain(coll.scan({ index: 'tags_1', ranges: [eq('b')] }))).sort()).toEqual([
        1, 2,
      ])
      expect(await coll.count({ index: 'tags_1', ranges: [eq('b')] })).toBe(2)
      const err = await caught(() => coll.insert([{ _id: 9, codes: [5, 2] }]))
      expect(err.code).toBe(11000)
      expect(err.keyValue).toEqual({ codes: 2 })
    })

    it('indexes array elements of nested paths', async () => {
      const coll = await h.collection([{ name: 'items.sku_1', key: [['items.sku', 1]] }])
      await coll.insert([
        { _id: 1, items: [{ sku: 'x' }, { sku: 'y' }] },
        { _id: 2, items: { sku: 'y' } },
        { _id: 3, items: [{ other: 1 }] },
      ])
      const found = ids(await drain(coll.scan({ index: 'items.sku_1', ranges: [eq('y')] })))
      expect(found.sort()).toEqual([1, 2])
    })

    it('builds an index over existing documents, or nothing when they violate uniqueness', async () => {
      const coll = await h.collection()
      await coll.insert([
        { _id: 1, email: 'a' },
        { _id: 2, email: 'b' },
        { _id: 3, email: 'a' },
      ])
      const err = await caught(() => coll.ensureIndex(EMAIL))
      expect(err.code).toBe(11000)
      expect((await coll.listIndexes()).map((i) => i.name)).toEqual(['_id_'])
      await coll.ensureIndex({ name: 'email_1', key: [['email', 1]] })
      expect(ids(await drain(coll.scan({ index: 'email_1', ranges: [eq('a')] }))).sort()).toEqual([
        1, 3,
      ])
      await coll.ensureIndex({ name: 'email_1', key: [['email', 1]] })
      expect((await coll.listIndexes()).length).toBe(2)
    })

    it('drops secondary indexes but never _id_', async () => {
      const coll = await h.collection([EMAIL])
      expect(await coll.dropIndex('email_1')).toBe(true)
      expect(await coll.dropIndex('email_1')).toBe(false)
      await coll.insert([
        { _id: 1, email: 'a' },
        { _id: 2, email: 'a' },
      ])
      await expect(async () => coll.dropIndex('_id_')).rejects.toThrow()
      expect((await coll.listIndexes()).map((i) => i.name)).toEqual(['_id_'])
    })

    it('records TTL specs when supported', async () => {
      const engine = await h.engine()
      const c = await engine.collection('items', { indexes: [] })
      const spec: IndexSpec = { name: 'at_1', key: [['at', 1]], expireAfterSeconds: 60 }
      if (!engine.capabilities.indexFeatures.includes('ttl')) {
        expect((await caught(() => c.ensureIndex(spec))).code).toBe('NOT_SUPPORTED')
        return
      }
      await c.ensureIndex(spec)
      const info = (await c.listIndexes()).find((i) => i.name === 'at_1')
      expect(info?.expireAfterSeconds).toBe(60)
    })
  })
}
