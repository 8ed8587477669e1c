import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const docs = [
  { _id: 1, g: 'a', n: 4, s: 'x', o: { p: 1 } },
  { _id: 2, g: 'a', n: 2, s: 'y', o: { q: 2 } },
  { _id: 3, g: 'a', n: 'str', o: null },
  { _id: 4, g: 'a', n: 9, s: 'x', o: { p: 3 } },
  { _id: 5, g: 'b' },
]

async function one(acc: Record<string, unknown>, group = 'a') {
  const out = await run(docs, [{ $match: { g: group } }, { $group: { _id: null, v: acc } }])
  return out[0].v
}

describe('accumulators', () => {
  it('$sum and $avg ignore non-numbers', async () => {
    expect(await one({ $sum: '$n' })).toBe(15)
    expect(await one({ $sum: 2 })).toBe(8)
    expect(await one({ $avg: '$n' })).toBe(5)
    expect(await one({ $avg: '$n' }, 'b')).toBeNull()
    expect(await one({ $sum: '$n' }, 'b')).toBe(0)
  })

  it('$min and $max compare across types, skipping null and missing', async () => {
    expect(await one({ $min: '$n' })).toBe(2)
    expect(await one({ $max: '$n' })).toBe('str')
    expect(await one({ $max: '$s' }, 'b')).toBeNull()
  })

  it('$first and $last take document order, missing as null', async () => {
    expect(await one({ $first: '$s' })).toBe('x')
    expect(await one({ $last: '$o' })).toEqual({ p: 3 })
    expect(await one({ $first: '$s' }, 'b')).toBeNull()
  })

  it('$push keeps order and skips missing; $addToSet keeps distinct values', async () => {
    expect(await one({ $push: '$s' })).toEqual(['x', 'y', 'x'])
    expect(await one({ $addToSet: '$s' })).toEqual(['x', 'y'])
    expect(await one({ $push: { id: '$_id' } }, 'b')).toEqual([{ id: 5 }])
  })

  it('$count counts documents', async () => {
    expect(await one({ $count: {} })).toBe(4)
  })

  it('$stdDevPop and $stdDevSamp', async () => {
    expect(await one({ $stdDevPop: '$n' })).toBeCloseTo(Math.sqrt(26 / 3))
    expect(await one({ $stdDevSamp: '$n' })).toBeCloseTo(Math.sqrt(13))
    expect(await one({ $stdDevSamp: '$n' }, 'b')).toBeNull()
  })

  it('$mergeObjects merges documents, skipping null', async () => {
    expect(await one({ $mergeObjects: '$o' })).toEqual({ p: 3, q: 2 })
  })

  it('$top, $bottom, $topN and $bottomN order by sortBy', async () => {
    expect(await one({ $top: { sortBy: { n: -1 }, output: '$_id' } })).toBe(3)
    expect(await one({ $bottom: { sortBy: { n: -1 }, output: ['$_id', '$n'] } })).toEqual([2, 2])
    expect(await one({ $topN: { n: 2, sortBy: { s: 1, _id: -1 }, output: '$_id' } })).toEqual([
      3, 4,
    ])
    expect(await one({ $bottomN: { n: 3, sortBy: { _id: 1 }, output: '$s' } })).toEqual([
      'y',
      null,
      'x',
    ])
  })

  it('$firstN, $lastN keep nulls; $maxN, $minN skip them', async () => {
    expect(await one({ $firstN: { n: 2, input: '$s' } })).toEqual(['x', 'y'])
    expect(await one({ $lastN: { n: 2, input: '$s' } })).toEqual([null, 'x'])
    expect(await one({ $maxN: { n: 2, input: '$s' } })).toEqual(['y', 'x'])
    expect(await one({ $minN: { n: 3, input: '$n' } })).toEqual([2, 4, 9])
  })

  it('rejects malformed accumulators', async () => {
    await expect(one({ $sum: ['$a', '$b'] })).rejects.toMatchObject({ code: 'BAD_EXPRESSION' })
    await expect(one({ $count: 1 })).rejects.toMatchObject({ code: 'BAD_EXPRESSION' })
    await expect(one({ $topN: { sortBy: { a: 1 }, output: 1 } })).rejects.toMatchObject({
      code: 'BAD_EXPRESSION',
    })
    await expect(one({ $firstN: { n: 0, input: '$n' } })).rejects.toMatchObject({
      code: 'BAD_EXPRESSION',
    })
  })
})
