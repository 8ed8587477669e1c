import { describe, expect, it } from 'vitest'
import { Decimal128, Long } from '../../src/values/bson.js'
import { compareValues, valuesEqual } from '../../src/values/compare.js'

const TWO_53 = 2 ** 53

describe('numbers across kinds', () => {
  it('compares a Long beyond 2^53 with a double exactly, in both argument orders', () => {
    const above = Long.fromString('9007199254740993') // 2^53 + 1: no double holds it
    expect(valuesEqual(above, TWO_53)).toBe(false)
    expect(valuesEqual(TWO_53, above)).toBe(false)
    expect(compareValues(above, TWO_53)).toBeGreaterThan(0)
    expect(compareValues(TWO_53, above)).toBeLessThan(0)
    expect(compareValues(Long.fromString('9007199254740991'), TWO_53)).toBeLessThan(0)
    expect(compareValues(BigInt(TWO_53) + 1n, TWO_53)).toBeGreaterThan(0)
  })

  it('still equates a Long with the double of the same value, and orders fractions around it', () => {
    expect(valuesEqual(Long.fromNumber(42), 42)).toBe(true)
    expect(valuesEqual(42, Long.fromNumber(42))).toBe(true)
    expect(valuesEqual(Long.fromNumber(-7), -7)).toBe(true)
    expect(compareValues(Long.fromNumber(42), 42.5)).toBeLessThan(0)
    expect(compareValues(Long.fromNumber(42), 41.5)).toBeGreaterThan(0)
    expect(compareValues(Long.fromNumber(-42), -42.5)).toBeGreaterThan(0)
    expect(compareValues(Long.fromNumber(-42), -41.5)).toBeLessThan(0)
    expect(compareValues(Long.fromNumber(0), -0)).toBe(0)
  })

  it('puts NaN below and the infinities around every Long', () => {
    const big = Long.MAX_VALUE
    expect(compareValues(big, Number.NaN)).toBeGreaterThan(0)
    expect(compareValues(Number.NaN, big)).toBeLessThan(0)
    expect(compareValues(big, Infinity)).toBeLessThan(0)
    expect(compareValues(Long.MIN_VALUE, -Infinity)).toBeGreaterThan(0)
  })

  it('keeps Decimal128 and double comparisons numeric', () => {
    expect(valuesEqual(Decimal128.fromString('1.5'), 1.5)).toBe(true)
    expect(compareValues(Decimal128.fromString('2'), Long.fromNumber(3))).toBeLessThan(0)
  })
})

describe('Maps', () => {
  it('compare as the document of their entries', () => {
    expect(valuesEqual(new Map([['k', 1]]), { k: 1 })).toBe(true)
    expect(valuesEqual(new Map([['k', 1]]), {})).toBe(false)
    expect(compareValues(new Map([['k', 1]]), new Map([['k', 1]]))).toBe(0)
    expect(
      compareValues(
        new Map([['k', 1]]),
        new Map([
          ['k', 1],
          ['l', 2],
        ])
      )
    ).toBeLessThan(0)
  })
})
