import { describe, expect, it } from 'vitest'
import { evaluate } from './evaluate.js'

describe('comparison expressions', () => {
  it('compares in MongoDB type order', () => {
    expect(evaluate({ $eq: [1, 1.0] })).toBe(true)
    expect(evaluate({ $eq: ['1', 1] })).toBe(false)
    expect(evaluate({ $gt: ['a', 100] })).toBe(true)
    expect(evaluate({ $lt: [null, 0] })).toBe(true)
    expect(evaluate({ $gte: [[1, 2], [1]] })).toBe(true)
    expect(evaluate({ $lte: [{ a: 1 }, { a: 1 }] })).toBe(true)
    expect(evaluate({ $ne: [true, false] })).toBe(true)
    expect(evaluate({ $cmp: ['b', 'a'] })).toBe(1)
    expect(evaluate({ $cmp: [2, 10] })).toBe(-1)
    expect(evaluate({ $cmp: [new Date(5), new Date(5)] })).toBe(0)
  })

  it('treats missing as lower than null', () => {
    expect(evaluate({ $eq: ['$missing', null] }, {})).toBe(false)
    expect(evaluate({ $lt: ['$missing', null] }, {})).toBe(true)
    expect(evaluate({ $eq: ['$missing', '$other'] }, {})).toBe(true)
  })

  it('compares array field paths as arrays', () => {
    expect(evaluate({ $eq: ['$a.b', [1, 2]] }, { a: [{ b: 1 }, { b: 2 }, { c: 3 }] })).toBe(true)
  })
})
