import { afterEach, describe, expect, it } from 'vitest'
import { compileFilter, setExprEvaluator } from '../../src/query/index.js'
import { NotSupportedError, QueryError, UnsafeInputError } from '../../src/errors/index.js'

function codeOf(fn: () => unknown): unknown {
  try {
    fn()
  } catch (error) {
    return (error as { code?: unknown }).code
  }
  return 'no error'
}

const compileCode = (filter: unknown): unknown =>
  codeOf(() => compileFilter(filter as Record<string, unknown>))

describe('unknown and refused operators', () => {
  it('names an unknown field operator', () => {
    expect(() => compileFilter({ a: { $foo: 1 } })).toThrow(QueryError)
    expect(() => compileFilter({ a: { $foo: 1 } })).toThrow(/\$foo/)
    expect(compileCode({ a: { $foo: 1 } })).toBe('UNKNOWN_OPERATOR')
  })

  it('names an unknown top-level operator', () => {
    expect(compileCode({ $foo: [] })).toBe('UNKNOWN_OPERATOR')
    expect(() => compileFilter({ $foo: [] })).toThrow(/\$foo/)
  })

  it('rejects an operator mixed into an operator object', () => {
    expect(compileCode({ a: { $gt: 1, b: 2 } })).toBe('UNKNOWN_OPERATOR')
  })

  it('refuses $where, $function and JavaScript functions', () => {
    expect(compileCode({ $where: 'this.a > 1' })).toBe('WHERE_NOT_ALLOWED')
    expect(compileCode({ $where: () => true })).toBe('WHERE_NOT_ALLOWED')
    expect(compileCode({ $function: { body: 'x' } })).toBe('WHERE_NOT_ALLOWED')
    expect(compileCode({ a: () => true })).toBe('WHERE_NOT_ALLOWED')
    expect(compileCode({ a: { $eq: () => true } })).toBe('WHERE_NOT_ALLOWED')
    expect(compileCode({ a: { $in: [() => true] } })).toBe('WHERE_NOT_ALLOWED')
  })

  it('reports $text, geo operators and $expr (without an evaluator) as not supported', () => {
    expect(() => compileFilter({ $text: { $search: 'x' } })).toThrow(NotSupportedError)
    expect(compileCode({ loc: { $near: [0, 0] } })).toBe('NOT_SUPPORTED')
    expect(compileCode({ $expr: { $gt: ['$a', 1] } })).toBe('NOT_SUPPORTED')
  })
})

describe('$expr hook', () => {
  afterEach(() => setExprEvaluator(undefined))

  it('uses a registered evaluator', () => {
    setExprEvaluator((expr) => {
      const [field, value] = (expr as { $gt: [string, number] }).$gt
      return (doc) => (doc as Record<string, number>)[field.slice(1)] > value
    })
    const f = compileFilter({ $expr: { $gt: ['$a', 1] }, b: 1 })
    expect(f({ a: 2, b: 1 })).toBe(true)
    expect(f({ a: 0, b: 1 })).toBe(false)
  })
})

describe('malformed shapes', () => {
  const cases: [string, unknown][] = [
    ['$in not an array', { a: { $in: 1 } }],
    ['$nin not an array', { a: { $nin: 'x' } }],
    ['$in holding an operator', { a: { $in: [{ $gt: 1 }] } }],
    ['$and empty', { $and: [] }],
    ['$and not an array', { $and: { a: 1 } }],
    ['$or of non-objects', { $or: [1] }],
    ['$nor empty', { $nor: [] }],
    ['$size non-integer', { a: { $size: 1.5 } }],
    ['$size negative', { a: { $size: -1 } }],
    ['$size not a number', { a: { $size: '1' } }],
    ['$mod with one member', { a: { $mod: [2] } }],
    ['$mod with three members', { a: { $mod: [2, 0, 1] } }],
    ['$mod by zero', { a: { $mod: [0, 0] } }],
    ['$mod not numeric', { a: { $mod: ['a', 0] } }],
    ['$regex bad pattern', { a: { $regex: '(' } }],
    ['$regex not a string', { a: { $regex: 5 } }],
    ['$options bad letter', { a: { $regex: 'x', $options: 'q' } }],
    ['$options alone', { a: { $options: 'i' } }],
    ['$type unknown alias', { a: { $type: 'float' } }],
    ['$type unknown code', { a: { $type: 99 } }],
    ['$type empty list', { a: { $type: [] } }],
    ['$not with a literal', { a: { $not: 5 } }],
    ['$not with a plain object', { a: { $not: { b: 1 } } }],
    ['$elemMatch not an object', { a: { $elemMatch: 1 } }],
    ['$all not an array', { a: { $all: 1 } }],
    ['$all mixing operators', { a: { $all: [{ $gt: 1 }] } }],
    ['$gt with a regex', { a: { $gt: /x/ } }],
  ]
  for (const [name, filter] of cases) {
    it(`rejects ${name} with BAD_FILTER`, () => {
      expect(compileCode(filter)).toBe('BAD_FILTER')
    })
  }

  it('rejects a filter that is not an object', () => {
    expect(compileCode([{ a: 1 }])).toBe('BAD_FILTER')
    expect(compileCode('a')).toBe('BAD_FILTER')
  })
})

describe('unsafe keys', () => {
  it('rejects __proto__, constructor and prototype anywhere', () => {
    const hostile = [
      JSON.parse('{"__proto__": {"polluted": 1}}'),
      { constructor: 1 },
      { 'a.prototype': 1 },
      { 'a.__proto__.b': 1 },
      { a: JSON.parse('{"__proto__": 1}') },
      { $or: [{ constructor: { $exists: true } }] },
      { a: { $elemMatch: { prototype: 1 } } },
      { a: { $in: [{ b: JSON.parse('{"__proto__": 1}') }] } },
    ]
    for (const filter of hostile) {
      expect(() => compileFilter(filter)).toThrow(UnsafeInputError)
      expect(compileCode(filter)).toBe('UNSAFE_KEY')
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('deep nesting', () => {
  it('rejects 10,000 nested $and with FILTER_TOO_DEEP, not a stack overflow', () => {
    let filter: Record<string, unknown> = { a: 1 }
    for (let i = 0; i < 10_000; i++) filter = { $and: [filter] }
    expect(compileCode(filter)).toBe('FILTER_TOO_DEEP')
  })

  it('rejects 10,000 nested objects with FILTER_TOO_DEEP', () => {
    let value: Record<string, unknown> = { x: 1 }
    for (let i = 0; i < 10_000; i++) value = { x: value }
    expect(compileCode({ a: value })).toBe('FILTER_TOO_DEEP')
  })

  it('rejects a cyclic filter with FILTER_TOO_DEEP', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.a = { $elemMatch: cyclic }
    expect(compileCode(cyclic)).toBe('FILTER_TOO_DEEP')
  })

  it('accepts reasonable nesting', () => {
    let filter: Record<string, unknown> = { a: 1 }
    for (let i = 0; i < 20; i++) filter = { $and: [filter] }
    expect(compileFilter(filter)({ a: 1 })).toBe(true)
  })
})
