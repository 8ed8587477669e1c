import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const docs = [{ _id: 1, name: { first: 'A', last: 'B' }, n: 1 }]

describe('$replaceRoot / $replaceWith', () => {
  it('promotes an embedded document or a computed one', async () => {
    expect(await run(docs, [{ $replaceRoot: { newRoot: '$name' } }])).toEqual([
      { first: 'A', last: 'B' },
    ])
    expect(
      await run(docs, [{ $replaceWith: { $mergeObjects: [{ id: '$_id' }, '$name'] } }])
    ).toEqual([{ id: 1, first: 'A', last: 'B' }])
  })

  it('fails when the new root is not a document', async () => {
    await expect(run(docs, [{ $replaceRoot: { newRoot: '$n' } }])).rejects.toMatchObject({
      code: 'TYPE_MISMATCH',
    })
    await expect(run(docs, [{ $replaceRoot: { root: '$n' } }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
  })
})

describe('$sortByCount', () => {
  it('counts values, most frequent first', async () => {
    const out = await run([{ c: 'x' }, { c: 'y' }, { c: 'y' }, {}], [{ $sortByCount: '$c' }])
    expect(out).toEqual([
      { _id: 'y', count: 2 },
      { _id: 'x', count: 1 },
      { _id: null, count: 1 },
    ])
  })

  it('requires an expression', async () => {
    await expect(run([], [{ $sortByCount: 'c' }])).rejects.toMatchObject({ code: 'BAD_STAGE' })
  })
})

describe('$sample', () => {
  it('returns size distinct input documents (all when size exceeds input)', async () => {
    const many = Array.from({ length: 50 }, (_, i) => ({ _id: i }))
    const out = await run(many, [{ $sample: { size: 10 } }])
    expect(new Set(out.map((d) => d._id)).size).toBe(10)
    expect(out.every((d) => (d._id as number) >= 0 && (d._id as number) < 50)).toBe(true)
    expect(await run(many.slice(0, 3), [{ $sample: { size: 10 } }])).toHaveLength(3)
  })
})

describe('$unionWith', () => {
  it('appends another collection, optionally through a pipeline', async () => {
    const out = await run(
      docs,
      [
        { $project: { n: 1 } },
        {
          $unionWith: {
            coll: 'other',
            pipeline: [{ $match: { n: { $gt: 1 } } }, { $project: { _id: 0, n: 1 } }],
          },
        },
      ],
      {
        other: [
          { _id: 7, n: 1 },
          { _id: 8, n: 2 },
        ],
      }
    )
    expect(out).toEqual([{ _id: 1, n: 1 }, { n: 2 }])
    expect(await run([], [{ $unionWith: 'other' }], { other: [{ _id: 7 }] })).toEqual([{ _id: 7 }])
  })
})
