import { describe, expect, it } from 'vitest'
import { evaluate } from './evaluate.js'

describe('boolean expressions', () => {
  it('uses MongoDB truthiness', () => {
    expect(evaluate({ $and: [1, 'x', [], {}] })).toBe(true)
    expect(evaluate({ $and: [1, 0] })).toBe(false)
    expect(evaluate({ $and: [] })).toBe(true)
    expect(evaluate({ $or: [null, '$missing', false] })).toBe(false)
    expect(evaluate({ $or: [null, ''] })).toBe(true)
    expect(evaluate({ $not: [0] })).toBe(true)
    expect(evaluate({ $not: '$missing' }, {})).toBe(true)
  })

  it('short-circuits', () => {
    expect(evaluate({ $and: [false, { $divide: [1, 0] }] })).toBe(false)
    expect(evaluate({ $or: [true, { $divide: [1, 0] }] })).toBe(true)
  })
})

describe('conditional expressions', () => {
  it('$cond in array and object forms evaluates only the chosen branch', () => {
    expect(evaluate({ $cond: [{ $gt: ['$a', 1] }, 'big', 'small'] }, { a: 5 })).toBe('big')
    expect(evaluate({ $cond: { if: '$missing', then: { $divide: [1, 0] }, else: 'no' } }, {})).toBe(
      'no'
    )
    expect(() => evaluate({ $cond: { if: 1, then: 2 } })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })

  it('$ifNull returns the first non-null value', () => {
    expect(evaluate({ $ifNull: ['$a', '$b', 'c'] }, { b: null })).toBe('c')
    expect(evaluate({ $ifNull: ['$a', 'd'] }, { a: 0 })).toBe(0)
    expect(evaluate({ $ifNull: ['$a', '$b'] }, {})).toBeUndefined()
  })

  it('$switch picks the first true case, else default, else fails', () => {
    const expr = (n: number) => ({
      $switch: {
        branches: [
          { case: { $lt: [n, 0] }, then: 'neg' },
          { case: { $eq: [n, 0] }, then: 'zero' },
        ],
        default: 'pos',
      },
    })
    expect(evaluate(expr(-1))).toBe('neg')
    expect(evaluate(expr(0))).toBe('zero')
    expect(evaluate(expr(3))).toBe('pos')
    expect(() => evaluate({ $switch: { branches: [{ case: false, then: 1 }] } })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })
})
