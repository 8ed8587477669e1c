/**
 * Conformance: engine-level behaviour — collections, stats, transactions, closing and persistence.
 */
import { describe, expect, it } from 'vitest'
import type { IndexSpec } from '../engine/contract.js'
import type { Harness } from './harness.js'
import { caught, drain, eq, ids } from './harness.js'

const EMAIL: IndexSpec = { name: 'email_1', key: [['email', 1]], unique: true }

/** Registers the engine-level tests. */
export function lifecycleSuite(h: Harness): void {
  describe('collections and stats', () => {
    it('lists, drops and recreates collections', async () => {
      const engine = await h.engine()
      const a = await engine.collection('a', { indexes: [EMAIL] })
      await engine.collection('b', { indexes: [] })
      await a.insert([{ _id: 1, email: 'x' }])
      expect([...(await engine.listCollections())].sort()).toEqual(['a', 'b'])
      expect(await engine.dropCollection('a')).toBe(true)
      expect(await engine.dropCollection('a')).toBe(false)
      expect(await engine.listCollections()).toEqual(['b'])
      const again = await engine.collection('a', { indexes: [] })
      expect(await again.count({})).toBe(0)
      expect((await again.listIndexes()).map((i) => i.name)).toEqual(['_id_'])
    })

    it('returns the same data for the same collection name', async () => {
      const engine = await h.engine()
      const first = await engine.collection('people', { indexes: [EMAIL] })
      await first.insert([{ _id: 1, email: 'x' }])
      const second = await engine.collection('people', { indexes: [EMAIL] })
      expect(await second.get(1)).toEqual({ _id: 1, email: 'x' })
      expect((await caught(() => second.insert([{ _id: 2, email: 'x' }]))).code).toBe(11000)
    })

    it('reports stats with the engine name and document counts', async () => {
      const engine = await h.engine()
      const coll = await engine.collection('s', { indexes: [] })
      await coll.insert([{ _id: 1 }, { _id: 2 }])
      const stats = await engine.stats()
      expect(stats.engine).toBe(engine.name)
      expect(stats.collections).toBeGreaterThanOrEqual(1)
      expect(stats.documents).toBe(2)
    })
  })

  describe('transactions', () => {
    it('commits every write made through the handle', async () => {
      const engine = await h.engine()
      const coll = await engine.collection('t', { indexes: [EMAIL] })
      await coll.insert([{ _id: 1, email: 'a' }])
      const result = await engine.transaction(async (txn) => {
        await coll.insert([{ _id: 2, email: 'b' }], txn)
        await coll.replace({ _id: 1, email: 'c' }, txn)
        expect((await coll.get(2, txn))?.email).toBe('b')
        return 'done'
      })
      expect(result).toBe('done')
      expect(await coll.get(1)).toEqual({ _id: 1, email: 'c' })
      expect(await coll.get(2)).toEqual({ _id: 2, email: 'b' })
    })

    it('rolls every write back when the body throws, indexes included', async () => {
      const engine = await h.engine()
      const coll = await engine.collection('t', { indexes: [EMAIL] })
      await coll.insert([
        { _id: 1, email: 'a' },
        { _id: 2, email: 'b' },
      ])
      const boom = new Error('boom')
      let handle: { readonly finished: boolean } | undefined
      const attempt = engine.transaction(async (txn) => {
        handle = txn
        await coll.insert([{ _id: 3, email: 'c' }], txn)
        await coll.replace({ _id: 1, email: 'z' }, txn)
        await coll.delete([2], txn)
        throw boom
      })
      if (!engine.capabilities.transactions) {
        await expect(attempt).rejects.toMatchObject({ code: 'NOT_SUPPORTED' })
        return
      }
      await expect(attempt).rejects.toBe(boom)
      expect(handle?.finished).toBe(true)
      expect(ids(await drain(coll.scan({})))).toEqual([1, 2])
      expect(await coll.get(1)).toEqual({ _id: 1, email: 'a' })
      expect(ids(await drain(coll.scan({ index: 'email_1', ranges: [eq('z')] })))).toEqual([])
      expect(ids(await drain(coll.scan({ index: 'email_1' })))).toEqual([1, 2])
      expect((await caught(() => coll.insert([{ _id: 9, email: 'b' }]))).code).toBe(11000)
      await coll.insert([{ _id: 3, email: 'c' }])
    })

    it('refuses a handle after its transaction finished', async () => {
      const engine = await h.engine()
      if (!engine.capabilities.transactions) return
      const coll = await engine.collection('t', { indexes: [] })
      const txn = await engine.transaction(async (t) => t)
      expect(txn.finished).toBe(true)
      await expect(async () => coll.insert([{ _id: 1 }], txn)).rejects.toThrow()
      expect(await coll.count({})).toBe(0)
    })

    it('runs concurrent transactions without mixing their writes', async () => {
      const engine = await h.engine()
      if (!engine.capabilities.transactions) return
      const coll = await engine.collection('t', { indexes: [] })
      const slow = engine.transaction(async (txn) => {
        await coll.insert([{ _id: 'slow' }], txn)
        await new Promise((resolve) => setTimeout(resolve, 10))
        throw new Error('abort slow')
      })
      const fast = engine.transaction(async (txn) => {
        await coll.insert([{ _id: 'fast' }], txn)
      })
      await expect(slow).rejects.toThrow('abort slow')
      await fast
      expect(ids(await drain(coll.scan({})))).toEqual(['fast'])
    })
  })

  describe('closing', () => {
    it('fails every call after close with a coded error, and closes twice quietly', async () => {
      const engine = await h.engine()
      const coll = await engine.collection('c', { indexes: [] })
      await coll.insert([{ _id: 1 }])
      await engine.close()
      await engine.close()
      for (const call of [
        () => coll.get(1),
        () => coll.insert([{ _id: 2 }]),
        () => coll.count({}),
        () => engine.collection('c', { indexes: [] }),
        () => engine.listCollections(),
        () => engine.flush(),
      ]) {
        expect((await caught(call)).code).toBe('CLOSED')
      }
    })
  })

  if (h.options.reopen !== undefined && h.options.persistent !== false) {
    const reopen = h.options.reopen
    describe('persistence', () => {
      it('keeps documents, types and indexes across close and reopen', async () => {
        const engine = await h.engine()
        const coll = await engine.collection('p', { indexes: [EMAIL] })
        await coll.insert([
          { _id: 1, email: 'a', when: new Date(7) },
          { _id: 2, email: 'b' },
        ])
        await coll.replace({ _id: 2, email: 'c' })
        await engine.flush()
        await engine.close()
        const next = await h.track(await reopen(engine))
        expect(await next.listCollections()).toContain('p')
        const again = await next.collection('p', { indexes: [] })
        expect(await again.get(1)).toEqual({ _id: 1, email: 'a', when: new Date(7) })
        expect(await again.get(2)).toEqual({ _id: 2, email: 'c' })
        expect((await again.listIndexes()).map((i) => i.name)).toEqual(['_id_', 'email_1'])
        expect((await caught(() => again.insert([{ _id: 3, email: 'a' }]))).code).toBe(11000)
      })
    })
  }
}
