import { describe, expect, it } from 'vitest'
import { aggregateToArray } from '../../../src/aggregate/index.js'
import { Decimal128, Long, isLong } from '../../../src/values/bson.js'
import { arrayContext, run } from '../context.js'

const docs = [
  { _id: 1, city: 'Paris', n: 10, tag: 'a' },
  { _id: 2, city: 'Oslo', n: 4, tag: 'b' },
  { _id: 3, city: 'Paris', n: 2, tag: 'a' },
  { _id: 4, n: 7, tag: 'c' },
  { _id: 5, city: null, n: 'x', tag: 'c' },
]

describe('$group', () => {
  it('groups by a field with accumulators, in first-seen order', async () => {
    const out = await run(docs, [
      {
        $group: { _id: '$city', total: { $sum: '$n' }, avg: { $avg: '$n' }, count: { $count: {} } },
      },
    ])
    expect(out).toEqual([
      { _id: 'Paris', total: 12, avg: 6, count: 2 },
      { _id: 'Oslo', total: 4, avg: 4, count: 1 },
      { _id: null, total: 7, avg: 7, count: 2 },
    ])
  })

  it('groups null and missing keys together', async () => {
    const out = await run(docs, [{ $group: { _id: '$city', ids: { $push: '$_id' } } }])
    expect(out.find((g) => g._id === null)?.ids).toEqual([4, 5])
  })

  it('groups by compound keys by value', async () => {
    const out = await run(docs, [
      { $group: { _id: { c: '$city', t: '$tag' }, n: { $sum: 1 } } },
      { $sort: { n: -1, '_id.t': 1 } },
    ])
    expect(out[0]).toEqual({ _id: { c: 'Paris', t: 'a' }, n: 2 })
    expect(out).toHaveLength(4)
  })

  it('treats numerically equal keys as one group', async () => {
    const out = await run(
      [{ k: 1 }, { k: 1.0 }, { k: '1' }],
      [{ $group: { _id: '$k', n: { $sum: 1 } } }]
    )
    expect(out).toEqual([
      { _id: 1, n: 2 },
      { _id: '1', n: 1 },
    ])
  })

  it('groups Long and Decimal128 keys with the numbers they equal', async () => {
    const input = [
      { k: 1 },
      { k: Long.fromNumber(1) },
      { k: Decimal128.fromString('1.0') },
      { k: Long.fromNumber(2) },
      { k: 2 },
      { k: [Long.fromNumber(3)] },
      { k: [3] },
    ]
    const ctx = arrayContext([])
    // structuredClone would strip the bson prototypes: serve the documents as they are.
    ctx.source = () => input
    const out = await aggregateToArray([{ $group: { _id: '$k', n: { $sum: 1 } } }], ctx)
    expect(out.map((g) => g.n)).toEqual([3, 2, 2])
    expect(out[0]._id).toBe(1)
    expect(isLong(out[1]._id)).toBe(true)
  })

  it('keeps Longs beyond 2^53 apart unless they are equal', async () => {
    const big = Long.fromString('9007199254740992')
    const input = [
      { k: big },
      { k: big.add(1) },
      { k: 2 ** 53 },
      { k: [big.add(1)] },
      { k: [2 ** 53 + 2] },
    ]
    const ctx = arrayContext([])
    ctx.source = () => input
    const out = await aggregateToArray([{ $group: { _id: '$k', n: { $sum: 1 } } }], ctx)
    expect(out.map((g) => g.n)).toEqual([2, 1, 1, 1])
  })

  it('groups everything with _id null', async () => {
    const out = await run(docs, [
      {
        $group: {
          _id: null,
          max: { $max: '$n' },
          min: { $min: '$n' },
          first: { $first: '$city' },
          last: { $last: '$city' },
        },
      },
    ])
    expect(out).toEqual([{ _id: null, max: 'x', min: 2, first: 'Paris', last: null }])
  })

  it('produces nothing for empty input', async () => {
    expect(await run([], [{ $group: { _id: null, n: { $sum: 1 } } }])).toEqual([])
  })

  it('requires _id and rejects dotted output fields', async () => {
    await expect(run(docs, [{ $group: { n: { $sum: 1 } } }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
    await expect(run(docs, [{ $group: { _id: null, 'a.b': { $sum: 1 } } }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
    await expect(run(docs, [{ $group: { _id: null, a: 1 } }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
  })
})
