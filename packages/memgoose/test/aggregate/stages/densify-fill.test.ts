import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

describe('$densify', () => {
  it('fills numeric gaps within explicit bounds', async () => {
    const out = await run(
      [{ v: 1 }, { v: 4 }, { v: 9 }],
      [{ $densify: { field: 'v', range: { step: 2, bounds: [0, 8] } } }]
    )
    expect(out.map((d) => d.v)).toEqual([0, 1, 2, 4, 6, 9])
  })

  it('fills per partition over the full range', async () => {
    const docs = [
      { k: 'a', v: 0 },
      { k: 'a', v: 3 },
      { k: 'b', v: 2 },
    ]
    const out = await run(docs, [
      { $densify: { field: 'v', partitionByFields: ['k'], range: { step: 1, bounds: 'full' } } },
    ])
    expect(out).toEqual([
      { k: 'a', v: 0 },
      { k: 'a', v: 1 },
      { k: 'a', v: 2 },
      { k: 'a', v: 3 },
      { k: 'b', v: 0 },
      { k: 'b', v: 1 },
      { k: 'b', v: 2 },
      { k: 'b', v: 3 },
    ])
    const partition = await run(docs, [
      {
        $densify: { field: 'v', partitionByFields: ['k'], range: { step: 1, bounds: 'partition' } },
      },
    ])
    expect(partition.map((d) => `${d.k}${d.v}`)).toEqual(['a0', 'a1', 'a2', 'a3', 'b2'])
  })

  it('steps dates by a unit', async () => {
    const out = await run(
      [{ at: new Date('2024-01-01T00:00:00Z') }, { at: new Date('2024-01-01T03:00:00Z') }],
      [{ $densify: { field: 'at', range: { step: 1, unit: 'hour', bounds: 'full' } } }]
    )
    expect(out.map((d) => (d.at as Date).getUTCHours())).toEqual([0, 1, 2, 3])
  })

  it('validates its arguments', async () => {
    await expect(
      run([], [{ $densify: { field: 'v', range: { step: 0, bounds: 'full' } } }])
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(
      run([{ v: 'x' }], [{ $densify: { field: 'v', range: { step: 1, bounds: 'full' } } }])
    ).rejects.toMatchObject({
      code: 'TYPE_MISMATCH',
    })
  })
})

describe('$fill', () => {
  const docs = [
    { _id: 1, t: 1, a: 10, s: 'x', k: 'p' },
    { _id: 2, t: 2, a: null, k: 'p' },
    { _id: 3, t: 4, k: 'p' },
    { _id: 4, t: 5, a: 40, s: 'y', k: 'p' },
    { _id: 5, t: 1, k: 'q' },
  ]

  it('fills with a value, the last observation or linear interpolation', async () => {
    const out = await run(docs, [
      {
        $fill: {
          partitionBy: '$k',
          sortBy: { t: 1 },
          output: { a: { method: 'linear' }, s: { method: 'locf' } },
        },
      },
    ])
    expect(out.map((d) => [d._id, d.a, d.s])).toEqual([
      [1, 10, 'x'],
      [2, 17.5, 'x'],
      [3, 32.5, 'x'],
      [4, 40, 'y'],
      [5, undefined, undefined],
    ])
    const valued = await run(docs, [
      { $fill: { output: { a: { value: { $multiply: ['$t', 100] } } } } },
    ])
    expect(valued.map((d) => d.a)).toEqual([10, 200, 400, 40, 100])
  })

  it('requires sortBy for methods', async () => {
    await expect(
      run(docs, [{ $fill: { output: { a: { method: 'locf' } } } }])
    ).rejects.toMatchObject({ code: 'BAD_STAGE' })
  })
})
