/**
 * Point lookups on `_id` and unique indexes leave out the filter clause their key ranges decide:
 * the results must still be exactly what the core's predicate accepts, for every kind of point
 * value (numbers of every type compare by value, arrays match by element) and for clauses that
 * only look like points (null, arrays, regexes) which must stay in the SQL filter.
 */
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Decimal128, Long, ObjectId } from 'bson'
import { compileFilter, planQuery } from 'memgoose'
import type { IndexInfo, StoredDoc } from 'memgoose'
import type { SqliteCollection } from '../../src/collection.js'
import type { SqliteEngine } from '../../src/engine.js'
import { collect, openEngine } from '../helpers.js'

const OID = new ObjectId('650000000000000000000001')
const DAY = new Date(Date.UTC(2024, 0, 2))

const docs: StoredDoc[] = [
  { _id: 1, u: 'a', n: 1 },
  { _id: 2.5, u: ['b', 'c'], n: 2 },
  { _id: 'x', u: Long.fromNumber(7), n: 3 },
  { _id: OID, u: DAY, n: 4 },
  { _id: DAY, u: true, n: 5 },
  { _id: 'y', u: null, n: 6 },
  { _id: 'z', u: ['d', 'e'], n: 7 },
  { _id: 3, u: Decimal128.fromString('9'), n: 8 },
  { _id: 4, n: 9 },
  { _id: 5, u: { k: 'a' }, n: 10 },
]

const filters: Record<string, unknown>[] = [
  { _id: 1 },
  { _id: Long.fromNumber(1) },
  { _id: Decimal128.fromString('2.5') },
  { _id: { $eq: 'x' } },
  { _id: OID },
  { _id: DAY },
  { _id: { $in: [1, 'x', OID, 99] } },
  { _id: { $in: [Long.fromNumber(3), 2.5, DAY] } },
  { _id: { $in: [1, 'x'] }, n: { $gt: 1 } },
  { u: 'a' },
  { u: 'c' },
  { u: { $eq: 'b' } },
  { u: 7 },
  { u: 7.0, n: 3 },
  { u: 9 },
  { u: DAY },
  { u: true },
  { u: 1 },
  { u: { $in: ['a', 'd', 7, 'nope'] } },
  { u: { $in: ['c', Long.fromNumber(9)] } },
  { u: null },
  { u: { $in: [null, 'a'] } },
  { u: ['b', 'c'] },
  { u: { k: 'a' } },
  { u: /^[ab]/ },
]

let engine: SqliteEngine
let coll: SqliteCollection
let indexes: readonly IndexInfo[]

beforeAll(async () => {
  engine = await openEngine()
  coll = engine.collection('points', {
    indexes: [{ name: 'u_1', key: [['u', 1]], unique: true, sparse: true }],
  })
  coll.insert(docs)
  indexes = coll.listIndexes()
})
afterAll(() => engine.close())

describe('point lookups', () => {
  it('return exactly what the core predicate accepts', async () => {
    for (const f of filters) {
      const planned = planQuery({ filter: f, indexes, capabilities: engine.capabilities })
      const predicate = compileFilter(f)
      const expected = docs.filter((d) => predicate(d)).map((d) => d.n)
      const got = ((await collect(coll.scan(planned.plan))) as StoredDoc[]).map((d) => d.n)
      const context = inspect({ f, plan: planned.plan }, { depth: 10 })
      expect(
        [...got].sort((x, y) => Number(x) - Number(y)),
        context
      ).toEqual(expected)
      expect(coll.count(planned.plan), context).toBe(expected.length)
    }
  })

  it('hand out a many-key lookup in batches of the asked size, in _id order', async () => {
    const ids = [4, 1, 'x', 3, 2.5]
    const planned = planQuery({
      filter: { _id: { $in: ids } },
      indexes,
      capabilities: engine.capabilities,
    })
    const batches: StoredDoc[][] = []
    for await (const batch of coll.scan({ ...planned.plan, batchSize: 2 })) {
      batches.push([...batch])
    }
    expect(batches.map((b) => b.length)).toEqual([2, 2, 1])
    expect(batches.flat().map((d) => d._id)).toEqual([1, 2.5, 3, 4, 'x'])
  })

  it('leave the JSON test of a clause its key ranges decide out of the SQL', () => {
    for (const f of [
      { _id: 1 },
      { _id: { $in: [1, 'x'] } },
      { u: 'a' },
      { u: { $in: ['a', 7] } },
    ]) {
      const planned = planQuery({ filter: f, indexes, capabilities: engine.capabilities })
      expect(planned.plan.ranges, inspect(f)).toBeDefined()
      expect(coll.explainScan(planned.plan).sql, inspect(f)).not.toMatch(/json_/)
    }
    const kept = planQuery({ filter: { u: null }, indexes, capabilities: engine.capabilities })
    expect(coll.explainScan(kept.plan).sql).toMatch(/json_/)
  })
})
