import { describe, expect, it } from 'vitest'
import { aggregateToArray } from '../../../src/aggregate/index.js'
import { arrayContext } from '../context.js'

const orders = [
  { _id: 1, item: 'a', qty: 2, tags: ['x', 'y'] },
  { _id: 2, item: 'b', qty: 1 },
  { _id: 3, qty: 5 },
]
const inventory = [
  { _id: 10, sku: 'a', stock: 120, tag: 'x' },
  { _id: 11, sku: 'b', stock: 80, tag: 'z' },
  { _id: 12, sku: 'a', stock: 60, tag: 'y' },
  { _id: 13, stock: 70 },
  { _id: 14, sku: ['b', 'c'], stock: 1 },
]

describe('$lookup', () => {
  it('joins by localField/foreignField, null matching missing, arrays by element', async () => {
    const ctx = arrayContext(orders, { inventory })
    const out = await aggregateToArray(
      [
        { $lookup: { from: 'inventory', localField: 'item', foreignField: 'sku', as: 'inv' } },
        { $project: { ids: '$inv._id' } },
      ],
      ctx
    )
    expect(out).toEqual([
      { _id: 1, ids: [10, 12] },
      { _id: 2, ids: [11, 14] },
      { _id: 3, ids: [13] },
    ])
  })

  it('matches each element of an array localField', async () => {
    const ctx = arrayContext(orders.slice(0, 1), { inventory })
    const out = await aggregateToArray(
      [{ $lookup: { from: 'inventory', localField: 'tags', foreignField: 'tag', as: 'inv' } }],
      ctx
    )
    expect((out[0].inv as { _id: number }[]).map((d) => d._id)).toEqual([10, 12])
  })

  it('batches local keys into one $in find per batch instead of one read per document', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ _id: i, k: i % 10 }))
    const foreign = Array.from({ length: 10 }, (_, i) => ({ _id: i, key: i }))
    const ctx = arrayContext(many, { f: foreign })
    const out = await aggregateToArray(
      [{ $lookup: { from: 'f', localField: 'k', foreignField: 'key', as: 'j' } }],
      ctx
    )
    expect(out).toHaveLength(2500)
    expect(out.every((d) => (d.j as { key: number }[])[0].key === d.k)).toBe(true)
    expect(ctx.finds.length).toBe(3)
    expect(ctx.finds[0].filter).toEqual({ key: { $in: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] } })
  })

  it('gives each output its own copy of a shared foreign document', async () => {
    const ctx = arrayContext(
      [
        { _id: 1, k: 1 },
        { _id: 2, k: 1 },
      ],
      { f: [{ _id: 9, key: 1, o: { v: 1 } }] }
    )
    const out = await aggregateToArray(
      [{ $lookup: { from: 'f', localField: 'k', foreignField: 'key', as: 'j' } }],
      ctx
    )
    expect((out[0].j as unknown[])[0]).not.toBe((out[1].j as unknown[])[0])
  })

  it('runs the let/pipeline form with variables, pushing the variable-free $match into the find', async () => {
    const ctx = arrayContext(orders, { inventory })
    const out = await aggregateToArray(
      [
        {
          $lookup: {
            from: 'inventory',
            let: { item: '$item', qty: '$qty' },
            pipeline: [
              { $match: { stock: { $gte: 60 } } },
              {
                $match: {
                  $expr: {
                    $and: [
                      { $eq: ['$sku', '$$item'] },
                      { $gte: ['$stock', { $multiply: ['$$qty', 50] }] },
                    ],
                  },
                },
              },
              { $project: { _id: 1 } },
            ],
            as: 'ok',
          },
        },
        { $project: { ok: 1 } },
      ],
      ctx
    )
    expect(out).toEqual([
      { _id: 1, ok: [{ _id: 10 }] },
      { _id: 2, ok: [{ _id: 11 }] },
      { _id: 3, ok: [] },
    ])
    expect(ctx.finds).toEqual([{ collection: 'inventory', filter: { stock: { $gte: 60 } } }])
  })

  it('combines localField/foreignField with a pipeline', async () => {
    const ctx = arrayContext(orders, { inventory })
    const out = await aggregateToArray(
      [
        {
          $lookup: {
            from: 'inventory',
            localField: 'item',
            foreignField: 'sku',
            let: { q: '$qty' },
            pipeline: [{ $project: { _id: 0, need: { $multiply: ['$$q', 10] }, stock: 1 } }],
            as: 'inv',
          },
        },
        { $project: { inv: 1 } },
      ],
      ctx
    )
    expect(out[0]).toEqual({
      _id: 1,
      inv: [
        { stock: 120, need: 20 },
        { stock: 60, need: 20 },
      ],
    })
  })

  it('validates its arguments', async () => {
    const ctx = arrayContext(orders, { inventory })
    await expect(
      aggregateToArray([{ $lookup: { from: 'inventory', as: 'x' } }], ctx)
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(
      aggregateToArray([{ $lookup: { from: 'inventory', localField: 'a', as: 'x' } }], ctx)
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(
      aggregateToArray(
        [{ $lookup: { from: 'i', localField: 'a', foreignField: 'b', as: 'x', extra: 1 } }],
        ctx
      )
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
  })
})
