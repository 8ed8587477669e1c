/**
 * Conformance: scan plans — full scans, index ranges (inclusive/exclusive, prefix, union),
 * reverse walks, typed key order, batches and counts.
 */
import { describe, expect, it } from 'vitest'
import type { EngineCollection, KeyRange, ScanPlan } from '../engine/contract.js'
import { Decimal128, Long, MaxKey, MinKey, ObjectId } from '../values/bson.js'
import type { Harness } from './harness.js'
import { between, drain, eq, ids } from './harness.js'

const CITY_AGE = {
  name: 'city_1_age_1',
  key: [
    ['city', 1],
    ['age', 1],
  ] as const,
}

const PEOPLE = [
  { _id: 1, city: 'Paris', age: 30 },
  { _id: 2, city: 'Berlin', age: 25 },
  { _id: 3, city: 'Paris', age: 20 },
  { _id: 4, city: 'Rome', age: 40 },
  { _id: 5, city: 'Paris', age: 50 },
  { _id: 6, city: 'Berlin', age: 35 },
  { _id: 7, age: 99 },
]

async function people(h: Harness): Promise<EngineCollection> {
  const coll = await h.collection([
    { name: 'age_1', key: [['age', 1]] },
    { name: CITY_AGE.name, key: CITY_AGE.key },
    {
      name: 'city_-1_age_1',
      key: [
        ['city', -1],
        ['age', 1],
      ],
    },
  ])
  await coll.insert(PEOPLE)
  return coll
}

async function scanIds(coll: EngineCollection, plan: ScanPlan): Promise<unknown[]> {
  const found = ids(await drain(coll.scan(plan)))
  expect(await coll.count(plan)).toBe(found.length)
  return found
}

function range(
  lower: unknown[],
  lowerInclusive: boolean,
  upper: unknown[],
  upperInclusive: boolean
): KeyRange {
  return { lower, lowerInclusive, upper, upperInclusive }
}

/** Registers the scan tests. */
export function scanSuite(h: Harness): void {
  describe('scans', () => {
    it('walks the whole collection in _id order without an index', async () => {
      const coll = await h.collection()
      await coll.insert([{ _id: 3 }, { _id: 1 }, { _id: 2 }])
      expect(await scanIds(coll, {})).toEqual([1, 2, 3])
    })

    it('returns every document in non-empty batches whatever the batch size', async () => {
      const coll = await h.collection()
      const docs = Array.from({ length: 1000 }, (_, i) => ({ _id: i, v: i % 7 }))
      await coll.insert(docs)
      for (const batchSize of [1, 7, 256, 5000]) {
        const found = await drain(coll.scan({ batchSize }))
        expect(found.length).toBe(1000)
        expect(new Set(ids(found)).size).toBe(1000)
      }
      expect(await coll.count({})).toBe(1000)
    })

    it('walks an index in key order, reversed on request', async () => {
      const coll = await people(h)
      expect(await scanIds(coll, { index: 'age_1' })).toEqual([3, 2, 1, 6, 4, 5, 7])
      expect(await scanIds(coll, { index: 'age_1', reverse: true })).toEqual([7, 5, 4, 6, 1, 2, 3])
      expect(await scanIds(coll, { index: 'age_1', batchSize: 2 })).toEqual([3, 2, 1, 6, 4, 5, 7])
      expect(await scanIds(coll, { index: 'age_1', batchSize: 2, reverse: true })).toEqual([
        7, 5, 4, 6, 1, 2, 3,
      ])
    })

    it('honours inclusive and exclusive bounds', async () => {
      const coll = await people(h)
      expect(
        await scanIds(coll, { index: 'age_1', ranges: [range([25], true, [40], true)] })
      ).toEqual([2, 1, 6, 4])
      expect(
        await scanIds(coll, { index: 'age_1', ranges: [range([25], false, [40], false)] })
      ).toEqual([1, 6])
      expect(
        await scanIds(coll, { index: 'age_1', ranges: [range([26], true, [29], true)] })
      ).toEqual([])
      expect(
        await scanIds(coll, { index: 'age_1', ranges: [range([40], false, [30], false)] })
      ).toEqual([])
    })

    it('unions several ranges in key order, each document once', async () => {
      const coll = await people(h)
      const ranges = [eq(50), range([20], true, [30], true), range([25], true, [35], true), eq(30)]
      expect(await scanIds(coll, { index: 'age_1', ranges })).toEqual([3, 2, 1, 6, 5])
      expect(await scanIds(coll, { index: 'age_1', ranges, reverse: true })).toEqual([
        5, 6, 1, 2, 3,
      ])
    })

    it('treats a shorter tuple as a prefix bound on a compound index', async () => {
      const coll = await people(h)
      expect(await scanIds(coll, { index: CITY_AGE.name, ranges: [eq('Paris')] })).toEqual([
        3, 1, 5,
      ])
      expect(
        await scanIds(coll, {
          index: CITY_AGE.name,
          ranges: [range(['Paris'], false, [new MaxKey()], true)],
        })
      ).toEqual([4])
      expect(
        await scanIds(coll, {
          index: CITY_AGE.name,
          ranges: [range([new MinKey()], true, ['Paris'], false)],
        })
      ).toEqual([7, 2, 6])
      expect(
        await scanIds(coll, {
          index: CITY_AGE.name,
          ranges: [range(['Paris', 25], true, ['Paris', 50], false)],
        })
      ).toEqual([1])
      expect(await scanIds(coll, { index: CITY_AGE.name, ranges: [eq('Paris', 30)] })).toEqual([1])
      expect(await scanIds(coll, { index: CITY_AGE.name, ranges: [eq(null)] })).toEqual([7])
    })

    it('orders descending key fields backwards, with bounds given in index order', async () => {
      const coll = await people(h)
      const index = 'city_-1_age_1'
      expect(await scanIds(coll, { index })).toEqual([4, 3, 1, 5, 2, 6, 7])
      expect(
        await scanIds(coll, { index, ranges: [range(['Rome'], true, ['Berlin'], false)] })
      ).toEqual([4, 3, 1, 5])
      expect(await scanIds(coll, { index, ranges: [eq('Berlin')], reverse: true })).toEqual([6, 2])
    })

    it('orders keys by type bracket and numbers of every kind by value', async () => {
      const coll = await h.collection([{ name: 'v_1', key: [['v', 1]] }])
      const oid = new ObjectId('000000000000000000000001')
      await coll.insert([
        { _id: 'str5', v: '5' },
        { _id: 'long3', v: Long.fromNumber(3) },
        { _id: 'null', v: null },
        { _id: 'true', v: true },
        { _id: 'date', v: new Date(0) },
        { _id: 'dec4', v: Decimal128.fromString('4.5') },
        { _id: 'int5', v: 5 },
        { _id: 'neg', v: -1.5 },
        { _id: 'oid', v: oid },
        { _id: 'obj', v: { a: 1 } },
        { _id: 'missing' },
      ])
      const order = await scanIds(coll, { index: 'v_1' })
      expect(order.slice(0, 2).sort()).toEqual(['missing', 'null'])
      expect(order.slice(2)).toEqual([
        'neg',
        'long3',
        'dec4',
        'int5',
        'str5',
        'obj',
        'oid',
        'true',
        'date',
      ])
      expect(await scanIds(coll, { index: 'v_1', ranges: [between([4], [10])] })).toEqual([
        'dec4',
        'int5',
      ])
      expect(await scanIds(coll, { index: 'v_1', ranges: [eq('5')] })).toEqual(['str5'])
      expect(await scanIds(coll, { index: 'v_1', ranges: [eq(5)] })).toEqual(['int5'])
      expect(await scanIds(coll, { index: 'v_1', ranges: [eq(new Date(0))] })).toEqual(['date'])
      expect(
        await scanIds(coll, { index: 'v_1', ranges: [eq(new ObjectId(oid.toHexString()))] })
      ).toEqual(['oid'])
    })

    it('scans _id_ by range and by value', async () => {
      const coll = await h.collection()
      await coll.insert([{ _id: 5 }, { _id: 1 }, { _id: 'a' }, { _id: 3 }])
      expect(await scanIds(coll, { index: '_id_', ranges: [between([2], [10])] })).toEqual([3, 5])
      expect(await scanIds(coll, { index: '_id_', ranges: [eq(1), eq('a')] })).toEqual([1, 'a'])
      expect(await scanIds(coll, { index: '_id_', reverse: true })).toEqual(['a', 5, 3, 1])
    })

    it('sees writes made between batches of a running scan without failing', async () => {
      const coll = await h.collection([{ name: 'n_1', key: [['n', 1]] }])
      await coll.insert(Array.from({ length: 20 }, (_, i) => ({ _id: i, n: i })))
      const seen: unknown[] = []
      const batches = coll.scan({ index: 'n_1', batchSize: 5 })
      const iterate =
        Symbol.asyncIterator in batches
          ? batches
          : (async function* () {
              yield* batches
            })()
      for await (const batch of iterate) {
        seen.push(...ids(batch))
        if (seen.length === 5) await coll.delete([7, 8])
      }
      expect(seen.length).toBeGreaterThanOrEqual(18)
      expect(new Set(seen).size).toBe(seen.length)
    })

    it('describes a plan with explainScan', async () => {
      const coll = await people(h)
      expect(typeof coll.explainScan({ index: 'age_1', ranges: [eq(30)] })).toBe('object')
      expect(typeof coll.explainScan({})).toBe('object')
    })
  })
}
