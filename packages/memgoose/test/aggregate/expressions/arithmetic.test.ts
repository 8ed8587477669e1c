import { describe, expect, it } from 'vitest'
import { Decimal128, Long } from '../../../src/values/bson.js'
import { evaluate } from './evaluate.js'

const doc = { a: 7, b: 2, z: 0, neg: -2.5, s: 'x', d: new Date(1000), n: null }

describe('arithmetic expressions', () => {
  it('adds numbers and dates', () => {
    expect(evaluate({ $add: ['$a', '$b', 1] }, doc)).toBe(10)
    expect(evaluate({ $add: ['$d', 500] }, doc)).toEqual(new Date(1500))
    expect(evaluate({ $add: [new Long(2), Decimal128.fromString('1.5')] })).toBe(3.5)
    expect(evaluate({ $add: ['$a', '$missing'] }, doc)).toBeNull()
    expect(() => evaluate({ $add: ['$a', '$s'] }, doc)).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
    expect(() => evaluate({ $add: ['$d', '$d'] }, doc)).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })

  it('subtracts numbers, dates and date minus number', () => {
    expect(evaluate({ $subtract: ['$a', '$b'] }, doc)).toBe(5)
    expect(evaluate({ $subtract: ['$d', new Date(200)] }, doc)).toBe(800)
    expect(evaluate({ $subtract: ['$d', 1000] }, doc)).toEqual(new Date(0))
    expect(evaluate({ $subtract: ['$n', 1] }, doc)).toBeNull()
    expect(() => evaluate({ $subtract: [1, '$d'] }, doc)).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
  })

  it('multiplies, divides and takes remainders', () => {
    expect(evaluate({ $multiply: ['$a', '$b', '$neg'] }, doc)).toBe(-35)
    expect(evaluate({ $divide: ['$a', '$b'] }, doc)).toBe(3.5)
    expect(evaluate({ $mod: ['$a', '$b'] }, doc)).toBe(1)
    expect(evaluate({ $mod: [-7, 2] })).toBe(-1)
    expect(() => evaluate({ $divide: ['$a', '$z'] }, doc)).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
    expect(() => evaluate({ $mod: ['$a', 0] }, doc)).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
    expect(evaluate({ $divide: [null, 0] })).toBeNull()
  })

  it('applies the unary functions with null passthrough', () => {
    expect(evaluate({ $abs: '$neg' }, doc)).toBe(2.5)
    expect(evaluate({ $ceil: '$neg' }, doc)).toBe(-2)
    expect(evaluate({ $floor: '$neg' }, doc)).toBe(-3)
    expect(evaluate({ $sqrt: 16 })).toBe(4)
    expect(evaluate({ $exp: 0 })).toBe(1)
    expect(evaluate({ $ln: 1 })).toBe(0)
    expect(evaluate({ $log10: 1000 })).toBeCloseTo(3)
    expect(evaluate({ $log: [8, 2] })).toBeCloseTo(3)
    expect(evaluate({ $pow: [2, 10] })).toBe(1024)
    expect(evaluate({ $abs: '$missing' }, doc)).toBeNull()
    expect(() => evaluate({ $sqrt: -1 })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
    expect(() => evaluate({ $ln: 0 })).toThrow(expect.objectContaining({ code: 'BAD_EXPRESSION' }))
    expect(() => evaluate({ $pow: [0, -1] })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
    expect(() => evaluate({ $abs: 'x' })).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
  })

  it('rounds half to even and truncates at a place', () => {
    expect(evaluate({ $round: 2.5 })).toBe(2)
    expect(evaluate({ $round: 3.5 })).toBe(4)
    expect(evaluate({ $round: -2.5 })).toBe(-2)
    expect(evaluate({ $round: [1.2345, 2] })).toBe(1.23)
    expect(evaluate({ $round: [1.235, 2] })).toBe(1.24)
    expect(evaluate({ $round: [1234.5678, -2] })).toBe(1200)
    expect(evaluate({ $trunc: [1.789, 1] })).toBe(1.7)
    expect(evaluate({ $trunc: -1.9 })).toBe(-1)
    expect(evaluate({ $round: [null, 1] })).toBeNull()
    expect(() => evaluate({ $round: [1, 200] })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })

  it('checks arity at compile time', () => {
    expect(() => evaluate({ $subtract: [1] })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
    expect(() => evaluate({ $abs: [1, 2] })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })
})
