import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const docs = [
  { _id: 1, sizes: ['S', 'M'] },
  { _id: 2, sizes: [] },
  { _id: 3, sizes: null },
  { _id: 4 },
  { _id: 5, sizes: 'L' },
  { _id: 6, o: { list: [1, 2] } },
]

describe('$unwind', () => {
  it('emits one document per element and passes scalars through', async () => {
    expect(await run(docs, [{ $unwind: '$sizes' }])).toEqual([
      { _id: 1, sizes: 'S' },
      { _id: 1, sizes: 'M' },
      { _id: 5, sizes: 'L' },
    ])
  })

  it('preserves null, missing and empty arrays on request, with the array index', async () => {
    const out = await run(docs.slice(0, 5), [
      { $unwind: { path: '$sizes', includeArrayIndex: 'i', preserveNullAndEmptyArrays: true } },
    ])
    expect(out).toEqual([
      { _id: 1, sizes: 'S', i: 0 },
      { _id: 1, sizes: 'M', i: 1 },
      { _id: 2, i: null },
      { _id: 3, sizes: null, i: null },
      { _id: 4, i: null },
      { _id: 5, sizes: 'L', i: null },
    ])
  })

  it('unwinds nested paths', async () => {
    expect(await run(docs, [{ $unwind: '$o.list' }])).toEqual([
      { _id: 6, o: { list: 1 } },
      { _id: 6, o: { list: 2 } },
    ])
  })

  it('requires a $-prefixed path', async () => {
    await expect(run(docs, [{ $unwind: 'sizes' }])).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(run(docs, [{ $unwind: { path: '$a', bogus: 1 } }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
  })
})
