import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const docs = [5, 12, 18, 27, 31, 45, 50, 60, 70, 110].map((price, i) => ({
  _id: i,
  price,
  tag: i % 2 ? 'odd' : 'even',
}))

describe('$bucket', () => {
  it('groups into boundary ranges with a default bucket last', async () => {
    const out = await run(
      [...docs, { _id: 99, price: 'n/a' }],
      [
        {
          $bucket: {
            groupBy: '$price',
            boundaries: [0, 20, 50, 100],
            default: 'other',
            output: { n: { $sum: 1 }, ids: { $push: '$_id' } },
          },
        },
      ]
    )
    expect(out).toEqual([
      { _id: 0, n: 3, ids: [0, 1, 2] },
      { _id: 20, n: 3, ids: [3, 4, 5] },
      { _id: 50, n: 3, ids: [6, 7, 8] },
      { _id: 'other', n: 2, ids: [9, 99] },
    ])
  })

  it('counts by default and fails for values outside without default', async () => {
    expect(await run(docs, [{ $bucket: { groupBy: '$price', boundaries: [0, 50, 200] } }])).toEqual(
      [
        { _id: 0, count: 6 },
        { _id: 50, count: 4 },
      ]
    )
    await expect(
      run(docs, [{ $bucket: { groupBy: '$price', boundaries: [0, 50] } }])
    ).rejects.toMatchObject({ code: 'BAD_VALUE' })
  })

  it('validates boundaries', async () => {
    await expect(
      run(docs, [{ $bucket: { groupBy: '$price', boundaries: [5, 1] } }])
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(
      run(docs, [{ $bucket: { groupBy: '$price', boundaries: [0, 'a'] } }])
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(
      run(docs, [{ $bucket: { groupBy: '$price', boundaries: [0, 10], default: 5 } }])
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
  })
})

describe('$bucketAuto', () => {
  it('cuts sorted values into about equal buckets', async () => {
    const out = await run(docs, [{ $bucketAuto: { groupBy: '$price', buckets: 3 } }])
    expect(out).toEqual([
      { _id: { min: 5, max: 27 }, count: 3 },
      { _id: { min: 27, max: 50 }, count: 3 },
      { _id: { min: 50, max: 110 }, count: 4 },
    ])
  })

  it('never splits equal values across buckets', async () => {
    const same = [1, 1, 1, 1, 2, 3].map((v) => ({ v }))
    const out = await run(same, [
      { $bucketAuto: { groupBy: '$v', buckets: 3, output: { vs: { $push: '$v' } } } },
    ])
    expect(out).toEqual([
      { _id: { min: 1, max: 2 }, vs: [1, 1, 1, 1] },
      { _id: { min: 2, max: 3 }, vs: [2, 3] },
    ])
  })

  it('rounds boundaries to a granularity', async () => {
    const out = await run(docs, [
      { $bucketAuto: { groupBy: '$price', buckets: 3, granularity: 'R5' } },
    ])
    expect(out.map((b) => b._id)).toEqual([
      { min: 4, max: 25 },
      { min: 25, max: 63 },
      { min: 63, max: 160 },
    ])
    const pow2 = await run(docs, [
      { $bucketAuto: { groupBy: '$price', buckets: 2, granularity: 'POWERSOF2' } },
    ])
    expect(pow2.map((b) => b._id)).toEqual([
      { min: 4, max: 32 },
      { min: 32, max: 128 },
    ])
    const oneTwoFive = await run(docs, [
      { $bucketAuto: { groupBy: '$price', buckets: 2, granularity: '1-2-5' } },
    ])
    expect(oneTwoFive.map((b) => b._id)).toEqual([
      { min: 2, max: 50 },
      { min: 50, max: 200 },
    ])
  })

  it('rejects bad granularities and non-numeric values with one', async () => {
    await expect(
      run(docs, [{ $bucketAuto: { groupBy: '$price', buckets: 2, granularity: 'R7' } }])
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(
      run(docs, [{ $bucketAuto: { groupBy: '$tag', buckets: 2, granularity: 'E6' } }])
    ).rejects.toMatchObject({ code: 'BAD_VALUE' })
  })
})
