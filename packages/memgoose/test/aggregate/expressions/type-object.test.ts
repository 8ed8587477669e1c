import { describe, expect, it } from 'vitest'
import { Decimal128, ObjectId } from '../../../src/values/bson.js'
import { evaluate } from './evaluate.js'

describe('type expressions', () => {
  it('$type names BSON types', () => {
    expect(evaluate({ $type: '$missing' })).toBe('missing')
    expect(evaluate({ $type: [[1]] })).toBe('array')
    expect(evaluate({ $type: { $literal: 1.5 } })).toBe('double')
    expect(evaluate({ $type: new Date() })).toBe('date')
    expect(evaluate({ $isNumber: 'x' })).toBe(false)
    expect(evaluate({ $isNumber: Decimal128.fromString('1') })).toBe(true)
  })

  it('converts between types like MongoDB', () => {
    expect(evaluate({ $toString: 1.5 })).toBe('1.5')
    expect(evaluate({ $toString: new Date(0) })).toBe('1970-01-01T00:00:00.000Z')
    expect(evaluate({ $toInt: '42' })).toBe(42)
    expect(evaluate({ $toInt: 4.9 })).toBe(4)
    expect(evaluate({ $toLong: new Date(5) })).toBe(5)
    expect(evaluate({ $toDouble: '2.5e1' })).toBe(25)
    expect(evaluate({ $toDouble: true })).toBe(1)
    expect(evaluate({ $toBool: 0 })).toBe(false)
    expect(evaluate({ $toBool: '' })).toBe(true)
    expect(evaluate({ $toDate: '2020-01-02T03:04:05Z' })).toEqual(new Date('2020-01-02T03:04:05Z'))
    expect(evaluate({ $toDate: 86_400_000 })).toEqual(new Date(86_400_000))
    expect(String(evaluate({ $toDecimal: '1.25' }))).toBe('1.25')
    const id = evaluate({ $toObjectId: '5ab9cbfa31c2ab715d42129e' }) as ObjectId
    expect(id.toHexString()).toBe('5ab9cbfa31c2ab715d42129e')
    expect(evaluate({ $toDate: id })).toEqual(id.getTimestamp())
    expect(evaluate({ $toInt: null })).toBeNull()
  })

  it('fails conversions MongoDB refuses unless onError is given', () => {
    expect(() => evaluate({ $toInt: 'abc' })).toThrow(
      expect.objectContaining({ code: 'CONVERSION_FAILURE' })
    )
    expect(() => evaluate({ $toInt: 2 ** 40 })).toThrow(
      expect.objectContaining({ code: 'CONVERSION_FAILURE' })
    )
    expect(() => evaluate({ $toObjectId: 'xyz' })).toThrow(
      expect.objectContaining({ code: 'CONVERSION_FAILURE' })
    )
    expect(evaluate({ $convert: { input: 'abc', to: 'int', onError: -1 } })).toBe(-1)
    expect(evaluate({ $convert: { input: null, to: 'int', onNull: 0 } })).toBe(0)
    expect(evaluate({ $convert: { input: '7', to: 16 } })).toBe(7)
    expect(() => evaluate({ $convert: { input: 1, to: 'nope' } })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })
})

describe('object expressions', () => {
  it('$mergeObjects merges left to right, skipping null', () => {
    expect(evaluate({ $mergeObjects: [{ a: 1, b: 1 }, null, { b: 2 }] })).toEqual({ a: 1, b: 2 })
    expect(() => evaluate({ $mergeObjects: [1] })).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
  })

  it('$objectToArray and $arrayToObject round-trip', () => {
    expect(evaluate({ $objectToArray: { $literal: { a: 1, b: { c: 2 } } } })).toEqual([
      { k: 'a', v: 1 },
      { k: 'b', v: { c: 2 } },
    ])
    expect(
      evaluate({
        $arrayToObject: [
          [
            ['a', 1],
            ['b', 2],
          ],
        ],
      })
    ).toEqual({ a: 1, b: 2 })
    expect(
      evaluate({
        $arrayToObject: {
          $literal: [
            { k: 'x', v: 1 },
            { k: 'x', v: 2 },
          ],
        },
      })
    ).toEqual({ x: 2 })
    expect(evaluate({ $objectToArray: '$missing' })).toBeNull()
  })

  it('$arrayToObject refuses prototype keys', () => {
    expect(() => evaluate({ $arrayToObject: [[['__proto__', { polluted: 1 }]]] })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('$getField and $setField handle names with dots and dollars', () => {
    const doc = { 'a.b': 1, $price: 5, o: { x: 1 } }
    expect(evaluate({ $getField: 'a.b' }, doc)).toBe(1)
    expect(evaluate({ $getField: { field: '$price', input: '$$CURRENT' } }, doc)).toBe(5)
    expect(evaluate({ $getField: { field: 'x', input: '$o' } }, doc)).toBe(1)
    expect(evaluate({ $setField: { field: 'y.z', input: '$o', value: 2 } }, doc)).toEqual({
      x: 1,
      'y.z': 2,
    })
    expect(evaluate({ $setField: { field: 'x', input: '$o', value: '$$REMOVE' } }, doc)).toEqual({})
    expect(() => evaluate({ $setField: { field: '__proto__', input: {}, value: 1 } })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
  })
})
