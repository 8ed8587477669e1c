import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../src/query/index.js'
import { Binary, Decimal128, Long, ObjectId } from '../../src/values/bson.js'

const match = (filter: Record<string, unknown>, doc: Record<string, unknown>): boolean =>
  compileFilter(filter)(doc)

describe('$exists', () => {
  it('distinguishes missing from null', () => {
    expect(match({ a: { $exists: true } }, { a: null })).toBe(true)
    expect(match({ a: { $exists: true } }, {})).toBe(false)
    expect(match({ a: { $exists: false } }, {})).toBe(true)
    expect(match({ a: { $exists: false } }, { a: null })).toBe(false)
  })

  it('counts an empty array as present and follows dot paths', () => {
    expect(match({ a: { $exists: true } }, { a: [] })).toBe(true)
    expect(match({ 'a.b': { $exists: true } }, { a: { b: 0 } })).toBe(true)
    expect(match({ 'a.b': { $exists: true } }, { a: { c: 0 } })).toBe(false)
  })

  it('does not mistake inherited members for fields', () => {
    expect(match({ toString: { $exists: true } }, {})).toBe(false)
    expect(match({ hasOwnProperty: null }, {})).toBe(true)
  })

  it('treats any truthy operand as true', () => {
    expect(match({ a: { $exists: 1 } }, { a: 1 })).toBe(true)
    expect(match({ a: { $exists: 0 } }, { a: 1 })).toBe(false)
  })
})

describe('$type', () => {
  const doc = {
    dbl: 1.5,
    int: 3,
    big: 2 ** 40,
    long: Long.fromNumber(3),
    dec: Decimal128.fromString('1.1'),
    str: 's',
    obj: { x: 1 },
    arr: [1, 'a'],
    bin: new Binary(Buffer.from([1])),
    buf: Buffer.from([1]),
    oid: new ObjectId(),
    bool: false,
    date: new Date(),
    nul: null,
    re: /x/,
  }

  it('matches aliases', () => {
    const cases: [string, string][] = [
      ['dbl', 'double'],
      ['int', 'int'],
      ['big', 'double'],
      ['long', 'long'],
      ['dec', 'decimal'],
      ['str', 'string'],
      ['obj', 'object'],
      ['arr', 'array'],
      ['bin', 'binData'],
      ['buf', 'binData'],
      ['oid', 'objectId'],
      ['bool', 'bool'],
      ['date', 'date'],
      ['nul', 'null'],
      ['re', 'regex'],
    ]
    for (const [field, alias] of cases) {
      expect(match({ [field]: { $type: alias } }, doc), `${field} is ${alias}`).toBe(true)
      expect(match({ [field]: { $type: 'timestamp' } }, doc)).toBe(false)
    }
  })

  it('matches numeric codes, arrays of specs and "number"', () => {
    expect(match({ str: { $type: 2 } }, doc)).toBe(true)
    expect(match({ dbl: { $type: 1 } }, doc)).toBe(true)
    expect(match({ int: { $type: 16 } }, doc)).toBe(true)
    expect(match({ nul: { $type: 10 } }, doc)).toBe(true)
    expect(match({ str: { $type: ['int', 'string'] } }, doc)).toBe(true)
    for (const field of ['dbl', 'int', 'long', 'dec']) {
      expect(match({ [field]: { $type: 'number' } }, doc)).toBe(true)
    }
    expect(match({ str: { $type: 'number' } }, doc)).toBe(false)
  })

  it('checks array elements as well as the array, and never matches missing', () => {
    expect(match({ arr: { $type: 'string' } }, doc)).toBe(true)
    expect(match({ arr: { $type: 'bool' } }, doc)).toBe(false)
    expect(match({ nothing: { $type: 'null' } }, doc)).toBe(false)
    expect(match({ nothing: { $type: 'undefined' } }, doc)).toBe(false)
  })
})

describe('$mod', () => {
  it('matches remainders, truncating toward zero', () => {
    expect(match({ a: { $mod: [4, 0] } }, { a: 8 })).toBe(true)
    expect(match({ a: { $mod: [4, 1] } }, { a: 8 })).toBe(false)
    expect(match({ a: { $mod: [4, 1] } }, { a: 5.9 })).toBe(true)
    expect(match({ a: { $mod: [4, -1] } }, { a: -5 })).toBe(true)
    expect(match({ a: { $mod: [4, 0] } }, { a: '8' })).toBe(false)
    expect(match({ a: { $mod: [4, 0] } }, { a: [3, 12] })).toBe(true)
    expect(match({ a: { $mod: [2, 0] } }, { a: Long.fromNumber(6) })).toBe(true)
  })
})
