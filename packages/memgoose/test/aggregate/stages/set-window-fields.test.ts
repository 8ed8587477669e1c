import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const sales = [
  { _id: 1, shop: 'a', day: 1, n: 5, at: new Date('2024-01-01') },
  { _id: 2, shop: 'a', day: 2, n: 3, at: new Date('2024-01-02') },
  { _id: 3, shop: 'b', day: 1, n: 7, at: new Date('2024-01-01') },
  { _id: 4, shop: 'a', day: 4, n: 3, at: new Date('2024-01-04') },
  { _id: 5, shop: 'a', day: 3, n: 10, at: new Date('2024-01-03') },
]

const pick = (out: Record<string, unknown>[], field: string) => out.map((d) => [d._id, d[field]])

describe('$setWindowFields', () => {
  it('computes running totals per partition in sort order', async () => {
    const out = await run(sales, [
      {
        $setWindowFields: {
          partitionBy: '$shop',
          sortBy: { day: 1 },
          output: { running: { $sum: '$n', window: { documents: ['unbounded', 'current'] } } },
        },
      },
    ])
    expect(pick(out, 'running')).toEqual([
      [1, 5],
      [2, 8],
      [5, 18],
      [4, 21],
      [3, 7],
    ])
  })

  it('applies sliding document windows and whole-partition defaults', async () => {
    const out = await run(sales, [
      {
        $setWindowFields: {
          partitionBy: '$shop',
          sortBy: { day: 1 },
          output: {
            avg3: { $avg: '$n', window: { documents: [-1, 1] } },
            total: { $sum: '$n' },
            maxAhead: { $max: '$n', window: { documents: ['current', 'unbounded'] } },
            all: { $push: '$_id', window: { documents: [-1, 0] } },
            count: { $count: {} },
          },
        },
      },
    ])
    expect(
      out
        .filter((d) => d.shop === 'a')
        .map((d) => [d._id, d.avg3, d.total, d.maxAhead, d.all, d.count])
    ).toEqual([
      [1, 4, 21, 10, [1], 4],
      [2, 6, 21, 10, [1, 2], 4],
      [5, 16 / 3, 21, 10, [2, 5], 4],
      [4, 6.5, 21, 3, [5, 4], 4],
    ])
  })

  it('applies range windows on numbers and dates', async () => {
    const out = await run(
      sales.filter((s) => s.shop === 'a'),
      [
        {
          $setWindowFields: {
            sortBy: { day: 1 },
            output: { near: { $sum: '$n', window: { range: [-1, 0] } } },
          },
        },
        {
          $setWindowFields: {
            sortBy: { at: 1 },
            output: { twoDays: { $push: '$_id', window: { range: [-1, 0], unit: 'day' } } },
          },
        },
      ]
    )
    expect(pick(out, 'near')).toEqual([
      [1, 5],
      [2, 8],
      [5, 13],
      [4, 13],
    ])
    expect(pick(out, 'twoDays')).toEqual([
      [1, [1]],
      [2, [1, 2]],
      [5, [2, 5]],
      [4, [5, 4]],
    ])
  })

  it('ranks, numbers and shifts', async () => {
    const out = await run(
      sales.filter((s) => s.shop === 'a'),
      [
        {
          $setWindowFields: {
            sortBy: { n: -1 },
            output: {
              rank: { $rank: {} },
              dense: { $denseRank: {} },
              num: { $documentNumber: {} },
              prev: { $shift: { output: '$_id', by: -1, default: 'none' } },
              first: { $first: '$_id' },
              last: { $last: '$_id' },
            },
          },
        },
      ]
    )
    expect(out.map((d) => [d._id, d.rank, d.dense, d.num, d.prev, d.first, d.last])).toEqual([
      [5, 1, 1, 1, 'none', 5, 4],
      [1, 2, 2, 2, 5, 5, 4],
      [2, 3, 3, 3, 1, 5, 4],
      [4, 3, 3, 4, 2, 5, 4],
    ])
  })

  it('validates operators and windows', async () => {
    await expect(
      run(sales, [{ $setWindowFields: { output: { r: { $rank: {} } } } }])
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(
      run(sales, [{ $setWindowFields: { sortBy: { n: 1 }, output: { r: { $median: '$n' } } } }])
    ).rejects.toMatchObject({
      code: 'UNKNOWN_OPERATOR',
    })
    await expect(
      run(sales, [
        {
          $setWindowFields: {
            sortBy: { n: 1 },
            output: { r: { $sum: '$n', window: { documents: [1, -1] } } },
          },
        },
      ])
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(
      run(sales, [
        { $setWindowFields: { output: { r: { $sum: '$n', window: { documents: [-1, 0] } } } } },
      ])
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(
      run(sales, [
        {
          $setWindowFields: {
            sortBy: { n: 1 },
            output: { r: { $sum: '$n', window: { documents: [0, 1.5] } } },
          },
        },
      ])
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
  })
})
