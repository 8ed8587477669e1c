import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const docs = [
  { _id: 1, price: 5, tags: ['a', 'b'] },
  { _id: 2, price: 15, tags: ['b'] },
  { _id: 3, price: 25, tags: [] },
]

describe('$facet', () => {
  it('runs each sub-pipeline over the same input', async () => {
    const out = await run(docs, [
      {
        $facet: {
          byTag: [{ $unwind: '$tags' }, { $sortByCount: '$tags' }],
          cheap: [{ $match: { price: { $lt: 20 } } }, { $count: 'n' }],
          none: [{ $match: { price: 0 } }],
        },
      },
    ])
    expect(out).toEqual([
      {
        byTag: [
          { _id: 'b', count: 2 },
          { _id: 'a', count: 1 },
        ],
        cheap: [{ n: 2 }],
        none: [],
      },
    ])
  })

  it('rejects $out and nested $facet inside facets, and non-array facets', async () => {
    await expect(run(docs, [{ $facet: { a: [{ $out: 'x' }] } }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
    await expect(run(docs, [{ $facet: { a: [{ $facet: {} }] } }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
    await expect(run(docs, [{ $facet: { a: { $match: {} } } }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
  })
})
