import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const docs = [
  { _id: 1, a: 2, b: 'x' },
  { _id: 2, a: null, b: 'y' },
  { _id: 3, b: 'z' },
  { _id: 4, a: 'str', b: 'x' },
  { _id: 5, a: [5, 0], b: 'y' },
  { _id: 6, a: 2, b: 'a' },
]

const ids = (out: Record<string, unknown>[]) => out.map((d) => d._id)

describe('$sort', () => {
  it('sorts in MongoDB type order, stable for ties', async () => {
    expect(ids(await run(docs, [{ $project: { a: 1 } }, { $sort: { a: 1 } }]))).toEqual([
      2, 3, 5, 1, 6, 4,
    ])
  })

  it('sorts descending by the largest array element', async () => {
    expect(ids(await run(docs, [{ $project: { a: 1 } }, { $sort: { a: -1 } }]))).toEqual([
      4, 5, 1, 6, 2, 3,
    ])
  })

  it('sorts by several keys', async () => {
    expect(
      ids(await run(docs, [{ $project: { a: 1, b: 1 } }, { $sort: { b: 1, _id: -1 } }]))
    ).toEqual([6, 4, 1, 5, 2, 3])
  })

  it('keeps only the top k with a following $limit, matching a full sort', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => ({ _id: i, v: (i * 7919) % 1000 }))
    const topK = await run(many, [
      { $project: { v: 1 } },
      { $sort: { v: -1, _id: 1 } },
      { $limit: 25 },
    ])
    const full = many
      .slice()
      .sort((x, y) => y.v - x.v || x._id - y._id)
      .slice(0, 25)
    expect(topK).toEqual(full)
  })

  it('rejects an empty or invalid specification', async () => {
    await expect(run(docs, [{ $sort: {} }])).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(run(docs, [{ $project: { a: 1 } }, { $sort: { a: 2 } }])).rejects.toMatchObject({
      code: 'BAD_SORT',
    })
  })
})

describe('$limit / $skip / $count', () => {
  it('limits and skips after other stages', async () => {
    expect(ids(await run(docs, [{ $project: { a: 1 } }, { $skip: 2 }, { $limit: 2 }]))).toEqual([
      3, 4,
    ])
    expect(ids(await run(docs, [{ $project: { a: 1 } }, { $skip: 10 }]))).toEqual([])
  })

  it('counts documents and outputs nothing for no input', async () => {
    expect(await run(docs, [{ $match: { b: 'x' } }, { $count: 'n' }])).toEqual([{ n: 2 }])
    expect(await run(docs, [{ $match: { b: 'none' } }, { $count: 'n' }])).toEqual([])
  })

  it('validates arguments', async () => {
    await expect(run(docs, [{ $project: { a: 1 } }, { $limit: 0 }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
    await expect(run(docs, [{ $project: { a: 1 } }, { $skip: 1.5 }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
    await expect(run(docs, [{ $count: '$n' }])).rejects.toMatchObject({ code: 'BAD_STAGE' })
  })
})
