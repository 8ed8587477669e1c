import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const docs = [
  { _id: 1, a: 1, b: 2, tags: ['x'] },
  { _id: 2, a: 5, b: 2, tags: ['y', 'z'] },
  { _id: 3, a: 3, b: 3 },
]

describe('$match', () => {
  it('filters with the query language', async () => {
    expect(
      (await run(docs, [{ $project: { a: 1, tags: 1 } }, { $match: { tags: 'z' } }])).map(
        (d) => d._id
      )
    ).toEqual([2])
  })

  it('supports $expr comparing fields', async () => {
    const out = await run(docs, [
      { $project: { a: 1, b: 1 } },
      { $match: { $expr: { $gt: ['$a', '$b'] } } },
    ])
    expect(out.map((d) => d._id)).toEqual([2])
  })

  it('supports $expr at the head of the pipeline', async () => {
    const out = await run(docs, [{ $match: { $expr: { $eq: ['$a', '$b'] } } }])
    expect(out.map((d) => d._id)).toEqual([3])
    const out2 = await run(docs, [{ $match: { $expr: { $eq: [{ $add: ['$a', 1] }, '$b'] } } }])
    expect(out2.map((d) => d._id)).toEqual([1])
  })
})
