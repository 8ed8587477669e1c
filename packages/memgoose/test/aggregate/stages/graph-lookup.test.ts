import { describe, expect, it } from 'vitest'
import { aggregateToArray } from '../../../src/aggregate/index.js'
import { arrayContext } from '../context.js'

const employees = [
  { _id: 1, name: 'Dev' },
  { _id: 2, name: 'Eliot', reportsTo: 'Dev' },
  { _id: 3, name: 'Ron', reportsTo: 'Eliot' },
  { _id: 4, name: 'Andrew', reportsTo: 'Eliot' },
  { _id: 5, name: 'Asya', reportsTo: 'Ron' },
  { _id: 6, name: 'Dan', reportsTo: 'Andrew' },
]

describe('$graphLookup', () => {
  it('walks the graph with depths, one find per depth level', async () => {
    const ctx = arrayContext([{ _id: 'q', start: 'Asya' }], { employees })
    const [out] = await aggregateToArray(
      [
        {
          $graphLookup: {
            from: 'employees',
            startWith: '$start',
            connectFromField: 'reportsTo',
            connectToField: 'name',
            as: 'chain',
            depthField: 'depth',
          },
        },
      ],
      ctx
    )
    expect((out.chain as { name: string; depth: number }[]).map((d) => [d.name, d.depth])).toEqual([
      ['Asya', 0],
      ['Ron', 1],
      ['Eliot', 2],
      ['Dev', 3],
    ])
    expect(ctx.finds).toHaveLength(4)
  })

  it('honours maxDepth and restrictSearchWithMatch, and stops on cycles', async () => {
    const cyclic = [
      { _id: 1, n: 'a', next: 'b' },
      { _id: 2, n: 'b', next: 'a', skip: true },
      { _id: 3, n: 'c', next: 'a' },
    ]
    const spec = {
      from: 'g',
      startWith: 'a',
      connectFromField: 'next',
      connectToField: 'n',
      as: 'r',
    }
    const all = await aggregateToArray(
      [{ $graphLookup: spec }],
      arrayContext([{ _id: 0 }], { g: cyclic })
    )
    expect((all[0].r as { _id: number }[]).map((d) => d._id)).toEqual([1, 2])
    const shallow = await aggregateToArray(
      [{ $graphLookup: { ...spec, maxDepth: 0 } }],
      arrayContext([{ _id: 0 }], { g: cyclic })
    )
    expect((shallow[0].r as { _id: number }[]).map((d) => d._id)).toEqual([1])
    const restricted = await aggregateToArray(
      [{ $graphLookup: { ...spec, restrictSearchWithMatch: { skip: { $ne: true } } } }],
      arrayContext([{ _id: 0 }], { g: cyclic })
    )
    expect((restricted[0].r as { _id: number }[]).map((d) => d._id)).toEqual([1])
  })

  it('validates its arguments', async () => {
    await expect(
      aggregateToArray([{ $graphLookup: { from: 'g', as: 'x' } }], arrayContext([]))
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
  })
})
