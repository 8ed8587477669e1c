import { describe, expect, it } from 'vitest'
import { aggregateToArray } from '../../../src/aggregate/index.js'
import { arrayContext } from '../context.js'

const docs = [
  { _id: 1, g: 'a', n: 1 },
  { _id: 2, g: 'b', n: 2 },
  { _id: 3, g: 'a', n: 3 },
]

describe('$out / $merge', () => {
  it('$out writes every result and outputs nothing', async () => {
    const ctx = arrayContext(docs)
    const out = await aggregateToArray(
      [{ $group: { _id: '$g', n: { $sum: '$n' } } }, { $out: 'totals' }],
      ctx
    )
    expect(out).toEqual([])
    expect(ctx.writes).toEqual([
      {
        collection: 'totals',
        docs: [
          { _id: 'a', n: 4 },
          { _id: 'b', n: 2 },
        ],
        mode: { kind: 'out' },
      },
    ])
  })

  it('$merge passes its matching policy', async () => {
    const ctx = arrayContext(docs)
    await aggregateToArray(
      [
        { $project: { n: 1 } },
        {
          $merge: {
            into: { db: 'x', coll: 'c' },
            on: 'n',
            whenMatched: 'replace',
            whenNotMatched: 'discard',
          },
        },
      ],
      ctx
    )
    expect(ctx.writes[0].collection).toBe('c')
    expect(ctx.writes[0].mode).toEqual({
      kind: 'merge',
      on: ['n'],
      whenMatched: 'replace',
      whenNotMatched: 'discard',
    })
    await aggregateToArray([{ $merge: 'm' }], ctx)
    expect(ctx.writes[1].mode).toEqual({
      kind: 'merge',
      on: ['_id'],
      whenMatched: 'merge',
      whenNotMatched: 'insert',
    })
  })

  it('must be the last stage and rejects unknown policies', async () => {
    const ctx = arrayContext(docs)
    await expect(aggregateToArray([{ $out: 'x' }, { $match: {} }], ctx)).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
    await expect(
      aggregateToArray([{ $merge: { into: 'x', whenMatched: 'bogus' } }], ctx)
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(
      aggregateToArray([{ $merge: { into: 'x', whenMatched: [{ $set: { a: 1 } }] } }], ctx)
    ).rejects.toMatchObject({
      code: 'NOT_SUPPORTED',
    })
  })
})
