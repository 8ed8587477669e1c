/**
 * The path walk's shortcut for a dotted path that reaches a scalar through plain objects: it must
 * give the core's answer when the path passes through tagged values (a Date's or a Long's stored
 * members are not fields), arrays, booleans next to numbers, and objects with the tag member names.
 * Numeric ranges have a shorter form still (one BETWEEN on the extracted value), checked on the
 * values where SQL's and MongoDB's orders could part: bounds, booleans, strings, -0, infinities.
 */
import { inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Decimal128, Long } from 'bson'
import { compileFilter } from 'memgoose'
import type { StoredDoc } from 'memgoose'
import type { SqliteCollection } from '../../src/collection.js'
import type { SqliteEngine } from '../../src/engine.js'
import { collect, openEngine } from '../helpers.js'

const docs: StoredDoc[] = [
  { _id: 1, a: new Date(5) },
  { _id: 2, a: Long.fromNumber(5) },
  { _id: 3, a: Decimal128.fromString('5') },
  { _id: 4, a: { v: 5, n: 5, s: 'x', k: true, f: 5.5 } },
  { _id: 5, a: { v: true, n: false, b: 1 } },
  { _id: 6, a: { b: 5, v: { n: 5 } } },
  { _id: 7, a: [{ b: 5 }, { b: 50 }] },
  { _id: 8, a: { b: [1, 50] } },
  { _id: 9, a: { b: Long.fromNumber(6) } },
  { _id: 10, a: { b: 'five' } },
  { _id: 11, a: { b: null } },
  { _id: 12, a: { b: Number.POSITIVE_INFINITY } },
  { _id: 13, a: { b: { c: 5 } } },
  { _id: 14, a: { b: 4.5, v: 'a' } },
  { _id: 15, b: 5 },
]

const filters: Record<string, unknown>[] = [
  { 'a.v': { $gte: 0 } },
  { 'a.v': 5 },
  { 'a.n': { $gte: 5, $lte: 5 } },
  { 'a.n': 5 },
  { 'a.s': 'x' },
  { 'a.k': true },
  { 'a.f': { $gt: 5 } },
  { 'a.v.n': { $lt: 10 } },
  { 'a.b': { $gte: 1, $lt: 6 } },
  { 'a.b': { $gt: 0 } },
  { 'a.b': { $lt: 100 } },
  { 'a.b': 5 },
  { 'a.b': null },
  { 'a.b': { $ne: 5 } },
  { 'a.b': { $gte: 'a' } },
  { 'a.b.c': { $gte: 5 } },
  { 'a.v': { $gte: 'a' } },
  { b: { $gte: 5 } },
  { a: { $gte: 5 } },
]

let engine: SqliteEngine
let coll: SqliteCollection

beforeAll(async () => {
  engine = await openEngine()
  coll = engine.collection('walk', { indexes: [] })
  coll.insert(docs)
})
afterAll(() => engine.close())

describe('dotted paths in SQL', () => {
  it('match as the core predicate does, through tags, arrays and mixed types', async () => {
    for (const f of filters) {
      const predicate = compileFilter(f)
      const expected = docs.filter((d) => predicate(d)).map((d) => d._id)
      const got = ((await collect(coll.scan({ filter: f }))) as StoredDoc[]).map((d) => d._id)
      expect(got, inspect(f)).toEqual(expected)
      expect(coll.explainScan({ filter: f }).residual, inspect(f)).toBeUndefined()
    }
  })
})

const EDGES: unknown[] = [
  0,
  -0,
  1,
  2,
  2.5,
  3,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  2 ** 53,
  2 ** 53 + 2,
  1e300,
  Infinity,
  -Infinity,
  Number.NaN,
  true,
  false,
  '2',
  '',
  null,
  [2.5],
  [0, 9],
  { x: 2.5 },
  new Date(2),
  Long.fromNumber(2),
  Decimal128.fromString('2.5'),
]

const rangeDocs: StoredDoc[] = []
EDGES.forEach((v, i) => {
  rangeDocs.push({ _id: 100 + i, n: v }, { _id: 200 + i, p: { s: v } })
})
rangeDocs.push({ _id: 300, p: [{ s: 2.5 }, { s: 9 }] }, { _id: 301, p: { s: { n: 2.5 } } })

const bounds: Record<string, unknown>[] = [
  { $gte: 2, $lt: 3 },
  { $gt: 2, $lte: 3 },
  { $gt: 2.5 },
  { $gte: 2.5 },
  { $lt: 2.5, $gt: 1 },
  { $lte: -Number.MIN_VALUE },
  { $gt: 2, $lt: 2 },
  { $gt: 3, $lt: 2 },
  { $gt: Infinity },
  { $gte: Infinity },
  { $lt: -Infinity },
  { $lte: -Infinity },
  { $gt: 1 },
  { $gt: 2 ** 53 },
  { $lte: 2 ** 53 },
  { $eq: 2.5 },
  { $eq: 2 },
  { $gte: 0 },
  { $lt: 1 },
  { $gte: 0.5, $lt: 1.5 },
  { $gt: -1, $lt: 0.5 },
  { $gt: 1, $lt: 2 },
  { $gte: Decimal128.fromString('2.5') },
]

describe('numeric ranges in SQL', () => {
  let ranges: SqliteCollection

  beforeAll(() => {
    ranges = engine.collection('ranges', { indexes: [] })
    ranges.insert(rangeDocs)
  })

  it('match as the core predicate does at and around their bounds', async () => {
    let shortForm = 0
    for (const path of ['n', 'p.s']) {
      for (const bound of bounds) {
        const f = { [path]: bound }
        const predicate = compileFilter(f)
        const expected = rangeDocs.filter((d) => predicate(d)).map((d) => d._id)
        const got = ((await collect(ranges.scan({ filter: f }))) as StoredDoc[]).map((d) => d._id)
        expect(got, inspect(f)).toEqual(expected)
        const plan = ranges.explainScan({ filter: f })
        expect(plan.residual, inspect(f)).toBeUndefined()
        if (String(plan.sql).includes('BETWEEN')) shortForm++
      }
    }
    // Most of these take the short form; those holding 0 or 1 cannot.
    expect(shortForm).toBeGreaterThan(bounds.length)
  })
})
