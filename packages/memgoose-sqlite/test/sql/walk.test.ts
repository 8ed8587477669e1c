/**
 * The path walk's shortcut for a dotted path that reaches a scalar through plain objects: it must
 * give the core's answer when the path passes through tagged values (a Date's or a Long's stored
 * members are not fields), arrays, booleans next to numbers, and objects with the tag member names.
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
