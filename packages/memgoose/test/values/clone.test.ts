import { afterEach, describe, expect, it } from 'vitest'
import { cloneValue } from '../../src/values/clone.js'

afterEach(() => {
  delete (Object.prototype as Record<string, unknown>).polluted
})

describe('cloneValue', () => {
  it('copies nested objects, arrays and Dates without sharing them', () => {
    const source = { a: { b: [1, { c: 2 }] }, at: new Date(5) }
    const copy = cloneValue(source)
    expect(copy).toEqual(source)
    expect(copy.a).not.toBe(source.a)
    expect(copy.a.b[1]).not.toBe(source.a.b[1])
    expect(copy.at).not.toBe(source.at)
  })

  it('never copies inherited enumerable properties, even from a polluted Object.prototype', () => {
    // Another library in the process could do this; stored data must not pick it up.
    ;(Object.prototype as Record<string, unknown>).polluted = 'yes'
    const copy = cloneValue({ a: { b: 1 } })
    expect(Object.keys(copy)).toEqual(['a'])
    expect(Object.keys(copy.a)).toEqual(['b'])
    expect(Object.prototype.hasOwnProperty.call(copy, 'polluted')).toBe(false)
  })
})
