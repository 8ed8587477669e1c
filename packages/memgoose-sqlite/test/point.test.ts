/**
 * Point lookups (one exact key on `_id` or on a unique one-field index) skip the general scan
 * builder and read at most one row: they must find what the general path finds for the same keys,
 * across key types that compare equal (1, 1.0, Long 1), missing keys, and indexes that became
 * multikey (which must leave the shortcut).
 */
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Long, ObjectId } from 'bson'
import { compileFilter } from 'memgoose'
import type { KeyRange, ScanPlan, StoredDoc } from 'memgoose'
import type { SqliteCollection } from '../src/collection.js'
import type { SqliteEngine } from '../src/engine.js'
import { collect, openEngine } from './helpers.js'

const oid = new ObjectId()
const docs: StoredDoc[] = [
  { _id: 1, email: 'a@x', tag: 't1' },
  { _id: 'one', email: 'b@x', tag: ['t2', 't3'] },
  { _id: oid, email: 2.5, tag: 't4' },
  { _id: new Date(5), email: null, tag: 't5' },
  { _id: 2, email: 'c@x' },
]

const probes: unknown[] = [
  1,
  1.0,
  Long.fromNumber(1),
  'one',
  oid,
  new Date(5),
  2,
  3,
  'a@x',
  2.5,
  null,
  't2',
  't4',
]

let engine: SqliteEngine
let coll: SqliteCollection

beforeAll(async () => {
  engine = await openEngine()
  coll = engine.collection('points', {
    indexes: [
      { name: 'email_1', key: [['email', 1]], unique: true },
      { name: 'tag_1', key: [['tag', 1]], unique: true },
    ],
  })
  coll.insert(docs)
})
afterAll(() => engine.close())

const point = (value: unknown): KeyRange => ({
  lower: [value],
  upper: [value],
  lowerInclusive: true,
  upperInclusive: true,
})

const ids = async (plan: ScanPlan) =>
  ((await collect(coll.scan(plan))) as StoredDoc[]).map((d) => d._id)

describe('point lookups', () => {
  it('find what the general scan and the core find, on _id and unique indexes', async () => {
    for (const [index, path] of [
      [undefined, '_id'],
      ['email_1', 'email'],
      ['tag_1', 'tag'],
    ] as const) {
      for (const value of probes) {
        const label = inspect({ index, value })
        const plan: ScanPlan = { index, ranges: [point(value)] }
        // Two copies of the same range take the general builder, which reads the same key.
        const general: ScanPlan = { index, ranges: [point(value), point(value)] }
        const matches = compileFilter({ [path]: value })
        const got = await ids(plan)
        expect(got, label).toEqual(await ids(general))
        // The index finds a superset of the filter's documents (the core re-checks), never fewer.
        for (const doc of docs) if (matches(doc)) expect(got, label).toContainEqual(doc._id)
        const sql = String(coll.explainScan(plan).sql)
        // The unique index on `tag` holds an array, so it is multikey and leaves the shortcut.
        expect(sql.includes('ORDER BY'), label).toBe(index === 'tag_1')
      }
    }
  })
})
