/**
 * Conformance: documents in and out — get/insert/replace/delete, type fidelity, aliasing and
 * atomic inserts.
 */
import { describe, expect, it } from 'vitest'
import { Binary, Decimal128, Long, ObjectId } from '../values/bson.js'
import type { StoredDoc } from '../engine/contract.js'
import type { Harness } from './harness.js'
import { caught, drain, ids } from './harness.js'

/** A document exercising every value type an engine must round-trip. */
export function richDocument(): StoredDoc {
  return {
    _id: new ObjectId('64b7f0c2a1b2c3d4e5f60718'),
    zeta: 'first key, not alphabetical',
    alpha: 1,
    int: 42,
    double: 3.25,
    negative: -17.5,
    big: 2 ** 53,
    nan: Number.NaN,
    inf: Number.POSITIVE_INFINITY,
    when: new Date('2024-02-29T12:34:56.789Z'),
    oid: new ObjectId('0123456789abcdef01234567'),
    buffer: Buffer.from([0, 1, 2, 255]),
    binary: new Binary(Buffer.from([9, 8, 7]), 4),
    decimal: Decimal128.fromString('1234.5678901234567890'),
    long: Long.fromString('9007199254740993'),
    flag: false,
    nothing: null,
    empty: {},
    emptyList: [],
    nested: { a: { b: { c: [1, [2, [3, { d: 'deep' }]]] } }, z: 0, y: 1 },
    list: [1, 'two', null, { three: 3 }, [4], new Date(0)],
    'odd key': 'space',
    ключ: 'юникод ✓ 😀',
    '': 'empty key',
    'a.b-c$d': 'punctuation',
  }
}

/** Registers the CRUD tests. */
export function crudSuite(h: Harness): void {
  describe('documents', () => {
    it('returns an inserted document by _id with every type, value and key order intact', async () => {
      const coll = await h.collection()
      const doc = richDocument()
      await coll.insert([doc])
      const got = await coll.get(new ObjectId('64b7f0c2a1b2c3d4e5f60718'))
      expect(got).toBeDefined()
      const back = got as StoredDoc
      expect(back).toEqual(richDocument())
      expect(Object.keys(back)).toEqual(Object.keys(richDocument()))
      expect(Object.keys(back.nested as object)).toEqual(['a', 'z', 'y'])
      expect(back.when).toBeInstanceOf(Date)
      expect(back.oid).toBeInstanceOf(ObjectId)
      expect(Buffer.isBuffer(back.buffer)).toBe(true)
      expect(back.binary).toBeInstanceOf(Binary)
      expect((back.binary as Binary).sub_type).toBe(4)
      expect(back.decimal).toBeInstanceOf(Decimal128)
      expect(String(back.decimal)).toBe('1234.5678901234567890')
      expect(back.long).toBeInstanceOf(Long)
      expect(String(back.long)).toBe('9007199254740993')
      expect(Number.isNaN(back.nan)).toBe(true)
      expect(back.emptyList).toEqual([])
      const [scanned] = await drain(coll.scan({}))
      expect(scanned).toEqual(richDocument())
    })

    it('looks documents up by _id value, keeping types apart', async () => {
      const coll = await h.collection()
      const oid = new ObjectId()
      await coll.insert([
        { _id: 1, kind: 'number' },
        { _id: '1', kind: 'string' },
        { _id: oid, kind: 'oid' },
        { _id: { a: 1 }, kind: 'object' },
      ])
      expect((await coll.get(1.0))?.kind).toBe('number')
      expect((await coll.get(Long.fromNumber(1)))?.kind).toBe('number')
      expect((await coll.get('1'))?.kind).toBe('string')
      expect((await coll.get(new ObjectId(oid.toHexString())))?.kind).toBe('oid')
      expect((await coll.get({ a: 1 }))?.kind).toBe('object')
      expect(await coll.get(2)).toBeUndefined()
      expect(await coll.get(null)).toBeUndefined()
    })

    it('replaces a document whole and reports whether it existed', async () => {
      const coll = await h.collection()
      await coll.insert([{ _id: 1, a: 1, b: 2 }])
      expect(await coll.replace({ _id: 1, c: 3 })).toBe(true)
      expect(await coll.get(1)).toEqual({ _id: 1, c: 3 })
      expect(await coll.replace({ _id: 2, c: 3 })).toBe(false)
      expect(await coll.get(2)).toBeUndefined()
      expect(await coll.count({})).toBe(1)
    })

    it('deletes by _id and counts only documents that existed', async () => {
      const coll = await h.collection()
      await coll.insert([{ _id: 1 }, { _id: 2 }, { _id: 3 }])
      expect(await coll.delete([1, 3, 4, 3])).toBe(2)
      expect(ids(await drain(coll.scan({})))).toEqual([2])
      expect(await coll.delete([])).toBe(0)
    })

    it('inserts nothing when one document of a call collides, reporting its position', async () => {
      const coll = await h.collection()
      await coll.insert([{ _id: 'existing' }])
      const err = await caught(() => coll.insert([{ _id: 'a' }, { _id: 'b' }, { _id: 'existing' }]))
      expect(err.code).toBe(11000)
      expect(err.index).toBe(2)
      expect(err.keyPattern).toEqual({ _id: 1 })
      expect(err.keyValue).toEqual({ _id: 'existing' })
      expect(await coll.get('a')).toBeUndefined()
      expect(await coll.count({})).toBe(1)
      const inCall = await caught(() => coll.insert([{ _id: 'x' }, { _id: 'y' }, { _id: 'x' }]))
      expect(inCall.code).toBe(11000)
      expect(inCall.index).toBe(2)
      expect(await coll.count({})).toBe(1)
    })

    it('treats equal _ids of different numeric types as the same key', async () => {
      const coll = await h.collection()
      await coll.insert([{ _id: 5 }])
      const err = await caught(() => coll.insert([{ _id: Long.fromNumber(5) }]))
      expect(err.code).toBe(11000)
      await coll.insert([{ _id: '5' }])
      expect(await coll.count({})).toBe(2)
    })

    it('keeps stored documents apart from the objects passed in and handed out', async () => {
      const engine = await h.engine()
      const coll = await engine.collection('items', { indexes: [] })
      const doc = { _id: 1, list: [1, 2], sub: { x: 1 }, when: new Date(5) }
      await coll.insert([doc])
      doc.list.push(3)
      doc.sub.x = 99
      doc.when.setTime(10)
      expect(await coll.get(1)).toEqual({ _id: 1, list: [1, 2], sub: { x: 1 }, when: new Date(5) })
      const replacement = { _id: 1, list: [7] }
      await coll.replace(replacement)
      replacement.list.push(8)
      expect(await coll.get(1)).toEqual({ _id: 1, list: [7] })
      if (!engine.capabilities.ownedResults) return
      const got = (await coll.get(1)) as unknown as { list: number[] }
      got.list.push(9)
      const [scanned] = (await drain(coll.scan({}))) as unknown as { list: number[] }[]
      expect(scanned.list).toEqual([7])
      scanned.list.push(10)
      expect(await coll.get(1)).toEqual({ _id: 1, list: [7] })
    })

    it('counts and clears documents, keeping the indexes', async () => {
      const coll = await h.collection([{ name: 'a_1', key: [['a', 1]], unique: true }])
      await coll.insert([
        { _id: 1, a: 1 },
        { _id: 2, a: 2 },
      ])
      expect(await coll.count({})).toBe(2)
      await coll.clear()
      expect(await coll.count({})).toBe(0)
      expect(await drain(coll.scan({}))).toEqual([])
      expect((await coll.listIndexes()).map((i) => i.name)).toEqual(['_id_', 'a_1'])
      await coll.insert([{ _id: 3, a: 1 }])
      const err = await caught(() => coll.insert([{ _id: 4, a: 1 }]))
      expect(err.code).toBe(11000)
    })
  })
}
