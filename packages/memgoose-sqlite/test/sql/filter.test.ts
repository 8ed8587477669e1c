/**
 * Differential test of the SQL pushdown: on random documents and random filters, the engine's scan
 * (SQL where possible, JS residual otherwise) returns exactly the documents the core's compileFilter
 * accepts, and sorted scans come back in the order the core's compileSort defines.
 */
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Decimal128, Long, ObjectId } from 'bson'
import { compileFilter, compileSort, planQuery } from 'memgoose'
import type { StoredDoc } from 'memgoose'
import type { SqliteCollection } from '../../src/collection.js'
import type { SqliteEngine } from '../../src/engine.js'
import { collect, openEngine } from '../helpers.js'
import { createRandom } from 'memgoose/testing'

/** A deterministic PRNG so failures reproduce. */
const random = createRandom

const rnd = random(20261123)
const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]
const OIDS = [0, 1, 2].map((i) => new ObjectId(`65${String(i).padStart(22, '0')}`))
const DATES = [0, 1, 2].map((i) => new Date(Date.UTC(2024, 0, 1 + i)))

function scalar(): unknown {
  return pick([
    () => Math.floor(rnd() * 5),
    () => Math.floor(rnd() * 5) + 0.5,
    () => pick(['a', 'b', 'c', 'ab', 'B', '']),
    () => null,
    () => pick([true, false]),
    () => pick(DATES),
    () => pick(OIDS),
    () => Long.fromNumber(Math.floor(rnd() * 5)),
    () => Decimal128.fromString(pick(['1', '2.5', '4'])),
    () => pick([Number.NaN, Infinity, -Infinity, -0]),
  ])()
}

function value(depth: number): unknown {
  const r = rnd()
  if (depth > 0 && r < 0.15)
    return Array.from({ length: Math.floor(rnd() * 4) }, () => value(depth - 1))
  if (depth > 0 && r < 0.3) return subdoc(depth - 1)
  return scalar()
}

function subdoc(depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of ['a', 'b', 'c']) if (rnd() < 0.6) out[key] = value(depth)
  return out
}

const PATHS = ['a', 'b', 'c', 'a.b', 'a.c', 'b.a', 'a.b.c', 'c.a']

function operand(): unknown {
  return rnd() < 0.1 ? pick([/^a/, /B/i, /b$/]) : scalar()
}

function condition(depth: number): unknown {
  const v = operand()
  const plain = v instanceof RegExp ? 'a' : v
  switch (Math.floor(rnd() * 16)) {
    case 0:
      return { $gt: plain }
    case 1:
      return { $gte: plain, $lt: operand() instanceof RegExp ? 3 : plain }
    case 2:
      return { $lte: plain }
    case 3:
      return { $ne: plain }
    case 4:
      return { $in: [operand(), operand()] }
    case 5:
      return { $nin: [operand(), plain] }
    case 6:
      return { $exists: rnd() < 0.5 }
    case 7:
      return { $size: Math.floor(rnd() * 3) }
    case 8:
      return { $all: [plain, operand()] }
    case 9:
      return { $elemMatch: rnd() < 0.5 ? { $gte: plain } : { a: plain } }
    case 10: {
      const inner = depth > 0 ? condition(depth - 1) : { $eq: plain }
      const isOps =
        typeof inner === 'object' && inner !== null && Object.keys(inner)[0]?.startsWith('$')
      return { $not: isOps || inner instanceof RegExp ? inner : { $eq: inner } }
    }
    case 11:
      return { $regex: pick(['^a', 'b', 'A$']), $options: pick(['', 'i']) }
    case 12:
      return { $type: 'string' }
    default:
      return v
  }
}

function filter(depth: number): Record<string, unknown> {
  const r = rnd()
  if (depth > 0 && r < 0.12) return { $or: [filter(depth - 1), filter(depth - 1)] }
  if (depth > 0 && r < 0.18) return { $nor: [filter(depth - 1)] }
  if (depth > 0 && r < 0.24) return { $and: [filter(depth - 1), filter(depth - 1)] }
  const out: Record<string, unknown> = { [pick(PATHS)]: condition(1) }
  if (rnd() < 0.3) out[pick(PATHS)] = condition(0)
  return out
}

let engine: SqliteEngine
let coll: SqliteCollection
let indexed: SqliteCollection
const docs: StoredDoc[] = []

beforeAll(async () => {
  engine = await openEngine()
  coll = engine.collection('random', { indexes: [] })
  for (let i = 0; i < 300; i++) docs.push({ _id: i, ...subdoc(3) })
  coll.insert(docs)
  indexed = engine.collection('indexed', {
    indexes: [
      { name: 'a_1', key: [['a', 1]] },
      { name: 'a.b_1', key: [['a.b', 1]] },
      {
        name: 'b_1_c_-1',
        key: [
          ['b', 1],
          ['c', -1],
        ],
      },
      { name: 'c_1_sparse', key: [['c', 1]], sparse: true },
    ],
  })
  indexed.insert(docs)
})
afterAll(() => engine.close())

describe('filter pushdown matches the core predicate', () => {
  it('on 600 random filters', async () => {
    let pushed = 0
    for (let n = 0; n < 600; n++) {
      const f = filter(2)
      const predicate = compileFilter(f)
      const expected = docs.filter((d) => predicate(d)).map((d) => d._id)
      const got = (await collect(coll.scan({ filter: f }))).map((d) => (d as StoredDoc)._id)
      expect(got, inspect(f, { depth: 10 })).toEqual(expected)
      expect(coll.count({ filter: f })).toBe(expected.length)
      if (coll.explainScan({ filter: f }).residual === undefined) pushed++
    }
    // Most generated filters are expressible in SQL; the rest exercise the residual path.
    expect(pushed).toBeGreaterThan(300)
  })

  it('sorts as compileSort on random paths and directions', async () => {
    for (let n = 0; n < 60; n++) {
      const sort: [string, 1 | -1][] = [[pick(PATHS), pick([1, -1] as const)]]
      if (rnd() < 0.5)
        sort.push([pick(PATHS.filter((p) => p !== sort[0][0])), pick([1, -1] as const)])
      const f = rnd() < 0.5 ? filter(1) : undefined
      const compare = compileSort(Object.fromEntries(sort))
      const predicate = compileFilter(f ?? {})
      const got = (await collect(coll.scan({ filter: f, sort, skip: 3, limit: 40 }))) as StoredDoc[]
      const expected = docs
        .filter((d) => predicate(d))
        .sort(compare)
        .slice(3, 43)
      expect(got.length, inspect({ f, sort }, { depth: 10 })).toBe(expected.length)
      for (let i = 0; i < got.length; i++) expect(compare(got[i], expected[i])).toBe(0)
    }
  })

  it('returns what the core expects for planned queries over indexes', async () => {
    const indexes = await indexed.listIndexes()
    let usedIndex = 0
    for (let n = 0; n < 400; n++) {
      const f = filter(2)
      const sorted = rnd() < 0.6
      const sort: [string, 1 | -1][] | undefined = sorted
        ? [[pick(PATHS), pick([1, -1] as const)]]
        : undefined
      const skip = sorted ? Math.floor(rnd() * 5) : undefined
      const limit = sorted && rnd() < 0.7 ? 1 + Math.floor(rnd() * 30) : undefined
      const planned = planQuery({
        filter: f,
        sort,
        skip,
        limit,
        indexes,
        capabilities: engine.capabilities,
      })
      if (planned.plan.index !== undefined) usedIndex++
      const got = (await collect(indexed.scan(planned.plan))) as StoredDoc[]
      const predicate = compileFilter(f)
      let expected = docs.filter((d) => predicate(d))
      const context = inspect({ f, sort, skip, limit, plan: planned.plan }, { depth: 10 })
      if (sort === undefined) {
        expect(
          got.map((d) => d._id).sort((x, y) => Number(x) - Number(y)),
          context
        ).toEqual(expected.map((d) => d._id))
        continue
      }
      const compare = compileSort(Object.fromEntries(sort))
      expected = expected
        .sort(compare)
        .slice(skip ?? 0, limit === undefined ? undefined : (skip ?? 0) + limit)
      expect(planned.sortCovered, context).toBe(true)
      expect(got.length, context).toBe(expected.length)
      for (let i = 0; i < got.length; i++) expect(compare(got[i], expected[i]), context).toBe(0)
    }
    expect(usedIndex).toBeGreaterThan(50)
  })
})
