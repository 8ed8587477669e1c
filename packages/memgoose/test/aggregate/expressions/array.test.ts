import { describe, expect, it } from 'vitest'
import { evaluate } from './evaluate.js'

const doc = {
  list: [3, 1, 2],
  objs: [
    { n: 2, s: 'b' },
    { n: 1, s: 'a' },
  ],
  none: null,
}

describe('array expressions', () => {
  it('$size, $isArray, $arrayElemAt, $first, $last', () => {
    expect(evaluate({ $size: '$list' }, doc)).toBe(3)
    expect(() => evaluate({ $size: '$none' }, doc)).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
    expect(evaluate({ $isArray: ['$list'] }, doc)).toBe(true)
    expect(evaluate({ $isArray: '$none' }, doc)).toBe(false)
    expect(evaluate({ $arrayElemAt: ['$list', -1] }, doc)).toBe(2)
    expect(evaluate({ $arrayElemAt: ['$list', 5] }, doc)).toBeUndefined()
    expect(evaluate({ $arrayElemAt: ['$none', 0] }, doc)).toBeNull()
    expect(evaluate({ $first: '$list' }, doc)).toBe(3)
    expect(evaluate({ $last: '$list' }, doc)).toBe(2)
    expect(evaluate({ $first: '$missing' }, doc)).toBeNull()
  })

  it('$filter, $map and $reduce with variables', () => {
    expect(evaluate({ $filter: { input: '$list', cond: { $gt: ['$$this', 1] } } }, doc)).toEqual([
      3, 2,
    ])
    expect(
      evaluate({ $filter: { input: '$list', as: 'x', cond: { $gt: ['$$x', 0] }, limit: 2 } }, doc)
    ).toEqual([3, 1])
    expect(
      evaluate({ $map: { input: '$objs', as: 'o', in: { $multiply: ['$$o.n', 10] } } }, doc)
    ).toEqual([20, 10])
    expect(evaluate({ $map: { input: '$none', in: 1 } }, doc)).toBeNull()
    expect(
      evaluate(
        { $reduce: { input: '$list', initialValue: 0, in: { $add: ['$$value', '$$this'] } } },
        doc
      )
    ).toBe(6)
    expect(
      evaluate({
        $reduce: {
          input: [[1], [2, 3]],
          initialValue: [],
          in: { $concatArrays: ['$$value', '$$this'] },
        },
      })
    ).toEqual([1, 2, 3])
  })

  it('$in and $indexOfArray', () => {
    expect(evaluate({ $in: [2, '$list'] }, doc)).toBe(true)
    expect(evaluate({ $in: ['2', '$list'] }, doc)).toBe(false)
    expect(() => evaluate({ $in: [1, '$none'] }, doc)).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
    expect(evaluate({ $indexOfArray: ['$list', 2] }, doc)).toBe(2)
    expect(evaluate({ $indexOfArray: [[1, 2, 1], 1, 1] })).toBe(2)
    expect(evaluate({ $indexOfArray: ['$none', 1] }, doc)).toBeNull()
  })

  it('$slice, $concatArrays, $reverseArray, $range', () => {
    expect(evaluate({ $slice: ['$list', 2] }, doc)).toEqual([3, 1])
    expect(evaluate({ $slice: ['$list', -2] }, doc)).toEqual([1, 2])
    expect(evaluate({ $slice: ['$list', 1, 5] }, doc)).toEqual([1, 2])
    expect(evaluate({ $slice: ['$list', -2, 1] }, doc)).toEqual([1])
    expect(evaluate({ $concatArrays: ['$list', [4]] }, doc)).toEqual([3, 1, 2, 4])
    expect(evaluate({ $concatArrays: ['$list', '$none'] }, doc)).toBeNull()
    expect(evaluate({ $reverseArray: '$list' }, doc)).toEqual([2, 1, 3])
    expect(evaluate({ $range: [0, 10, 3] })).toEqual([0, 3, 6, 9])
    expect(evaluate({ $range: [5, 0, -2] })).toEqual([5, 3, 1])
    expect(() => evaluate({ $range: [0, 1, 0] })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })

  it('$zip transposes, with useLongestLength and defaults', () => {
    expect(evaluate({ $zip: { inputs: [[1, 2], ['a']] } })).toEqual([[1, 'a']])
    expect(
      evaluate({ $zip: { inputs: [[1, 2], ['a']], useLongestLength: true, defaults: [0, 'z'] } })
    ).toEqual([
      [1, 'a'],
      [2, 'z'],
    ])
    expect(evaluate({ $zip: { inputs: [[1], '$none'] } }, doc)).toBeNull()
  })

  it('$sortArray by value or by fields', () => {
    expect(evaluate({ $sortArray: { input: '$list', sortBy: -1 } }, doc)).toEqual([3, 2, 1])
    expect(evaluate({ $sortArray: { input: '$objs', sortBy: { s: 1 } } }, doc)).toEqual([
      { n: 1, s: 'a' },
      { n: 2, s: 'b' },
    ])
    expect(evaluate({ $sortArray: { input: [2, 'a', null, 1], sortBy: 1 } })).toEqual([
      null,
      1,
      2,
      'a',
    ])
  })

  it('$firstN, $lastN, $maxN, $minN', () => {
    expect(evaluate({ $firstN: { n: 2, input: '$list' } }, doc)).toEqual([3, 1])
    expect(evaluate({ $lastN: { n: 2, input: '$list' } }, doc)).toEqual([1, 2])
    expect(evaluate({ $maxN: { n: 2, input: [1, null, 5, 3] } })).toEqual([5, 3])
    expect(evaluate({ $minN: { n: 5, input: [4, null, 2] } })).toEqual([2, 4])
    expect(() => evaluate({ $firstN: { n: 0, input: [] } })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })
})

describe('set expressions', () => {
  it('computes unions, intersections and differences by value', () => {
    expect(
      evaluate({
        $setUnion: [
          [1, 2, 2],
          [2.0, 3],
        ],
      })
    ).toEqual([1, 2, 3])
    const both = evaluate({
      $setIntersection: [
        [1, 2, { a: 1 }],
        [{ a: 1 }, 2],
      ],
    }) as unknown[]
    expect(both).toHaveLength(2)
    expect(both).toEqual(expect.arrayContaining([2, { a: 1 }]))
    expect(evaluate({ $setDifference: [[1, 2, 3, 3], [2]] })).toEqual([1, 3])
    expect(evaluate({ $setUnion: [[1], '$none'] }, doc)).toBeNull()
  })

  it('tests equality and subsets', () => {
    expect(
      evaluate({
        $setEquals: [
          [1, 2, 2],
          [2, 1],
        ],
      })
    ).toBe(true)
    expect(evaluate({ $setEquals: [[1], [1, 3]] })).toBe(false)
    expect(
      evaluate({
        $setIsSubset: [
          [1, 1],
          [1, 2],
        ],
      })
    ).toBe(true)
    expect(evaluate({ $setIsSubset: [[3], [1, 2]] })).toBe(false)
    expect(() => evaluate({ $setEquals: [[1], null] })).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
  })

  it('$anyElementTrue and $allElementsTrue', () => {
    expect(evaluate({ $anyElementTrue: [[0, null, 'x']] })).toBe(true)
    expect(evaluate({ $allElementsTrue: [[1, 0]] })).toBe(false)
    expect(evaluate({ $allElementsTrue: [[]] })).toBe(true)
  })
})

describe('missing values in array searches', () => {
  it('a missing value matches no element, not even null', () => {
    expect(evaluate({ $in: ['$missing', [null, 1]] })).toBe(false)
    expect(evaluate({ $in: [null, [null, 1]] })).toBe(true)
    expect(evaluate({ $indexOfArray: [[1, null], '$missing'] })).toBe(-1)
    expect(evaluate({ $indexOfArray: [[1, null], null] })).toBe(1)
  })
})
