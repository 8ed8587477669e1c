import { describe, expect, it } from 'vitest'
import type { EngineCapabilities, IndexInfo } from '../../src/engine/contract.js'
import { createMemoryEngine } from '../../src/engine/memory/index.js'
import { planQuery } from '../../src/planner/index.js'
import { ObjectId } from '../../src/values/bson.js'

const caps: EngineCapabilities = createMemoryEngine().capabilities

function index(name: string, key: [string, 1 | -1][], extra: Partial<IndexInfo> = {}): IndexInfo {
  return { name, key, multikey: false, ...extra }
}

const ID = index('_id_', [['_id', 1]], { unique: true })
const EMAIL = index('email_1', [['email', 1]], { unique: true })
const AGE = index('age_1', [['age', 1]])
const CITY = index('city_1', [['city', 1]])
const CITY_AGE = index('city_1_age_1', [
  ['city', 1],
  ['age', 1],
])
const TAGS = index('tags_1', [['tags', 1]], { multikey: true })
const ALL = [ID, EMAIL, AGE, CITY, CITY_AGE, TAGS]

const plan = (filter: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  planQuery({ filter, indexes: ALL, capabilities: caps, ...extra })

describe('planQuery', () => {
  it('scans everything when nothing is bounded', () => {
    const p = plan({})
    expect(p.plan).toEqual({})
    expect(p.sortCovered).toBe(true)
    expect(p.explain).toMatchObject({
      stage: 'COLLSCAN',
      reason: 'no usable index',
      sortCovered: false,
    })
  })

  it('looks _id up directly and prefers it over other equalities', () => {
    const id = new ObjectId()
    const p = plan({ _id: id, email: 'a@x' })
    expect(p.explain.stage).toBe('IDHACK')
    expect(p.plan.index).toBe('_id_')
    expect(p.plan.ranges).toEqual([
      { lower: [id], lowerInclusive: true, upper: [id], upperInclusive: true },
    ])
  })

  it('prefers equality on a unique index, then equality, then $in, then a range', () => {
    expect(plan({ email: 'a', city: 'Paris', age: { $gt: 3 } }).explain).toMatchObject({
      indexName: 'email_1',
      reason: 'unique equality',
    })
    expect(plan({ city: 'Paris', tags: { $in: ['a', 'b'] } }).explain.indexName).toBe('city_1')
    expect(plan({ tags: 'x', age: { $gt: 3 } }).explain).toMatchObject({
      indexName: 'tags_1',
      reason: 'equality',
    })
    expect(plan({ tags: { $in: ['x', 'y'] }, age: { $gt: 3 } }).explain).toMatchObject({
      indexName: 'tags_1',
      reason: '$in',
    })
    expect(plan({ age: { $gt: 3 }, name: 'x' }).explain).toMatchObject({
      indexName: 'age_1',
      reason: 'range',
    })
  })

  it('uses more fields of a compound index: equality prefix then a range', () => {
    const p = plan({ city: 'Paris', age: { $gte: 20, $lt: 30 } })
    expect(p.plan.index).toBe('city_1_age_1')
    expect(p.plan.ranges).toEqual([
      { lower: ['Paris', 20], lowerInclusive: true, upper: ['Paris', 30], upperInclusive: false },
    ])
  })

  it('brackets a one-sided range by type', () => {
    const p = plan({ age: { $gt: 5 } })
    expect(p.plan.ranges).toEqual([
      { lower: [5], lowerInclusive: false, upper: [''], upperInclusive: false },
    ])
    const below = plan({ email: { $lte: 'm' } }).plan.ranges
    expect(below).toEqual([
      { lower: [''], lowerInclusive: true, upper: ['m'], upperInclusive: true },
    ])
  })

  it('turns $in into sorted distinct points and reads $and members', () => {
    const p = plan({ $and: [{ age: { $in: [30, 10, 20, 10] } }, { other: 1 }] })
    expect(p.plan.ranges?.map((r) => r.lower)).toEqual([[10], [20], [30]])
    expect(p.explain.reason).toBe('$in')
  })

  it('intersects conditions on one field, and finds nothing for a contradiction', () => {
    expect(plan({ age: { $gt: 5 }, $and: [{ age: { $lt: 9 } }] }).plan.ranges).toEqual([
      { lower: [5], lowerInclusive: false, upper: [9], upperInclusive: false },
    ])
    expect(
      plan({ age: { $in: [1, 5, 9] }, $and: [{ age: { $gte: 5 } }] }).plan.ranges?.map(
        (r) => r.lower
      )
    ).toEqual([[5], [9]])
    expect(plan({ age: { $gt: 5, $lt: 'z' } }).plan.ranges).toEqual([])
  })

  it('uses only one condition per field of a multikey index (elements may differ)', () => {
    const p = plan({ tags: { $gt: 'x', $lt: 'b' } })
    expect(p.plan.index).toBe('tags_1')
    expect(p.plan.ranges).toHaveLength(1)
  })

  it('leaves arrays, regular expressions and operator-less conditions to the residual filter', () => {
    expect(plan({ tags: ['a', 'b'] }).explain.stage).toBe('COLLSCAN')
    expect(plan({ email: /abc/ }).explain.stage).toBe('COLLSCAN')
    expect(plan({ age: { $ne: 5 } }).explain.stage).toBe('COLLSCAN')
    expect(plan({ $or: [{ age: 1 }, { age: 2 }] }).explain.stage).toBe('COLLSCAN')
  })

  it('walks an index for a sort it covers, reversed for the opposite direction', () => {
    const asc = plan({}, { sort: { age: 1 } })
    expect(asc.plan).toEqual({ index: 'age_1' })
    expect(asc.sortCovered).toBe(true)
    const desc = plan({}, { sort: { age: -1 } })
    expect(desc.plan).toEqual({ index: 'age_1', reverse: true })
    expect(desc.explain).toMatchObject({ reverse: true, sortCovered: true, reason: 'sort' })
    const after = plan({ city: 'Paris' }, { sort: '-age' })
    expect(after.plan).toMatchObject({ index: 'city_1_age_1', reverse: true })
    expect(after.sortCovered).toBe(true)
  })

  it('never covers a sort with a multikey index or a mixed-direction walk', () => {
    expect(plan({}, { sort: { tags: 1 } }).sortCovered).toBe(false)
    expect(plan({}, { sort: { city: 1, age: -1 } }).sortCovered).toBe(false)
    const p = plan({ age: { $gt: 1 } }, { sort: { email: 1 } })
    expect(p.plan.index).toBe('age_1')
    expect(p.sortCovered).toBe(false)
  })

  it('uses a partial index only when the filter repeats its condition', () => {
    const partial = index('email_active', [['email', 1]], {
      partialFilterExpression: { active: true },
    })
    const opts = { indexes: [ID, partial], capabilities: caps }
    expect(planQuery({ filter: { email: 'a' }, ...opts }).explain.stage).toBe('COLLSCAN')
    expect(planQuery({ filter: { email: 'a', active: true }, ...opts }).plan.index).toBe(
      'email_active'
    )
    const exists = index('e', [['email', 1]], {
      partialFilterExpression: { email: { $exists: true } },
    })
    expect(
      planQuery({ filter: { email: 'a' }, indexes: [exists], capabilities: caps }).plan.index
    ).toBe('e')
    expect(
      planQuery({ filter: { email: null }, indexes: [exists], capabilities: caps }).plan.index
    ).toBeUndefined()
  })

  it('never uses a sparse index for a query that matches missing fields', () => {
    const sparse = index('k_1', [['k', 1]], { sparse: true })
    const opts = { indexes: [ID, sparse], capabilities: caps }
    expect(planQuery({ filter: { k: null }, ...opts }).explain.stage).toBe('COLLSCAN')
    expect(planQuery({ filter: { k: { $in: [1, null] } }, ...opts }).explain.stage).toBe('COLLSCAN')
    expect(planQuery({ filter: { k: { $exists: false } }, ...opts }).explain.stage).toBe('COLLSCAN')
    expect(planQuery({ filter: {}, sort: { k: 1 }, ...opts }).explain.stage).toBe('COLLSCAN')
    expect(planQuery({ filter: { k: 5 }, ...opts }).plan.index).toBe('k_1')
  })

  it('follows a hint by name or key pattern, and rejects an unknown one', () => {
    expect(plan({ email: 'a' }, { hint: 'age_1' }).plan).toEqual({ index: 'age_1' })
    expect(plan({ age: 5 }, { hint: { city: 1, age: 1 } }).explain).toMatchObject({
      indexName: 'city_1_age_1',
      reason: 'hint',
    })
    expect(() => plan({}, { hint: 'nope' })).toThrow(expect.objectContaining({ code: 'BAD_HINT' }))
  })

  it('pushes the filter, then sort/skip/limit, down to engines that can take them', () => {
    const filterOnly = { ...caps, filterPushdown: true }
    const p = planQuery({
      filter: { name: 'x' },
      sort: { name: 1 },
      indexes: ALL,
      capabilities: filterOnly,
      limit: 5,
    })
    expect(p.plan).toEqual({ filter: { name: 'x' } })
    expect(p).toMatchObject({ filterPushdown: true, sortPushdown: false, sortCovered: false })
    const both = { ...filterOnly, sortPushdown: true }
    const q = planQuery({
      filter: { name: 'x' },
      sort: { name: -1 },
      skip: 2,
      limit: 5,
      indexes: ALL,
      capabilities: both,
    })
    expect(q.plan).toEqual({ filter: { name: 'x' }, sort: [['name', -1]], skip: 2, limit: 5 })
    expect(q.sortCovered).toBe(true)
    expect(q.explain.pushdown).toEqual({ filter: true, sort: true })
  })
})
