import { describe, expect, it } from 'vitest'
import { evaluate } from './evaluate.js'

describe('accumulator operators as expressions', () => {
  it('reduce a list of arguments', () => {
    expect(evaluate({ $sum: [1, '$a', 'x', null] }, { a: 2 })).toBe(3)
    expect(evaluate({ $avg: [1, 2, '$missing'] })).toBe(1.5)
    expect(evaluate({ $max: ['$missing', 2, 'a'] })).toBe('a')
    expect(evaluate({ $min: [null, 4, 3] })).toBe(3)
  })

  it('reduce the elements of a single array argument', () => {
    const doc = { list: [4, 8, 'x'] }
    expect(evaluate({ $sum: '$list' }, doc)).toBe(12)
    expect(evaluate({ $avg: '$list' }, doc)).toBe(6)
    expect(evaluate({ $max: '$list' }, doc)).toBe('x')
    expect(evaluate({ $stdDevPop: '$list' }, doc)).toBe(2)
    expect(evaluate({ $stdDevSamp: [1] })).toBeNull()
  })

  it('give null or zero when nothing qualifies', () => {
    expect(evaluate({ $sum: '$missing' })).toBe(0)
    expect(evaluate({ $avg: [] })).toBeNull()
    expect(evaluate({ $max: [[]] })).toBeNull()
  })
})
