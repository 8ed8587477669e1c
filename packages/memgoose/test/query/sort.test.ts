import { describe, expect, it } from 'vitest'
import { compileSort, normalizeSort, sortKeyOf } from '../../src/query/index.js'
import { ObjectId } from '../../src/values/bson.js'

type Doc = Record<string, unknown>
const ids = (docs: Doc[]): unknown[] => docs.map((d) => d._id)
const sorted = (docs: Doc[], sort: Parameters<typeof compileSort>[0]): unknown[] =>
  ids([...docs].sort(compileSort(sort)))

describe('normalizeSort', () => {
  it('accepts objects, strings, pairs and Maps', () => {
    expect(normalizeSort({ a: 1, b: -1 })).toEqual([
      ['a', 1],
      ['b', -1],
    ])
    expect(normalizeSort('a -b +c')).toEqual([
      ['a', 1],
      ['b', -1],
      ['c', 1],
    ])
    expect(
      normalizeSort([
        ['a', 'desc'],
        ['b', 'ascending'],
      ])
    ).toEqual([
      ['a', -1],
      ['b', 1],
    ])
    expect(normalizeSort(new Map([['x', 'DESC']]))).toEqual([['x', -1]])
    expect(normalizeSort({ a: 'asc', b: 'descending' })).toEqual([
      ['a', 1],
      ['b', -1],
    ])
    expect(normalizeSort(undefined)).toEqual([])
  })

  it('rejects bad directions, repeated paths and unsafe keys', () => {
    expect(() => normalizeSort({ a: 2 })).toThrow(expect.objectContaining({ code: 'BAD_SORT' }))
    expect(() => normalizeSort({ a: 'up' })).toThrow(expect.objectContaining({ code: 'BAD_SORT' }))
    expect(() => normalizeSort('a -a')).toThrow(expect.objectContaining({ code: 'BAD_SORT' }))
    expect(() => normalizeSort({ 'a.__proto__': 1 })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
    expect(() => normalizeSort({ score: { $meta: 'textScore' } })).toThrow(
      expect.objectContaining({ code: 'NOT_SUPPORTED' })
    )
  })
})

describe('compileSort', () => {
  it('sorts by several keys with directions', () => {
    const docs = [
      { _id: 1, a: 1, b: 1 },
      { _id: 2, a: 2, b: 1 },
      { _id: 3, a: 1, b: 2 },
    ]
    expect(sorted(docs, { a: 1, b: -1 })).toEqual([3, 1, 2])
    expect(sorted(docs, '-a b')).toEqual([2, 1, 3])
  })

  it('keeps input order for ties (stable)', () => {
    const docs = [1, 2, 3, 4, 5].map((i) => ({ _id: i, k: i % 2 }))
    expect(sorted(docs, { k: 1 })).toEqual([2, 4, 1, 3, 5])
  })

  it('orders mixed types in MongoDB order, missing with null first', () => {
    const docs: Doc[] = [
      { _id: 'date', v: new Date(0) },
      { _id: 'bool', v: true },
      { _id: 'oid', v: new ObjectId('000000000000000000000001') },
      { _id: 'arr', v: [[]] },
      { _id: 'obj', v: { x: 1 } },
      { _id: 'str', v: 'a' },
      { _id: 'num', v: 1 },
      { _id: 'null', v: null },
      { _id: 'regex', v: /x/ },
    ]
    expect(sorted(docs, { v: 1 })).toEqual([
      'null',
      'num',
      'str',
      'obj',
      'arr',
      'oid',
      'bool',
      'date',
      'regex',
    ])
    const withMissing = [{ _id: 'one', v: 1 }, { _id: 'missing' }, { _id: 'null', v: null }]
    expect(sorted(withMissing, { v: 1 })[2]).toBe('one')
  })

  it('sorts arrays by their smallest element ascending and largest descending', () => {
    const docs = [
      { _id: 'a', v: [1, 10] },
      { _id: 'b', v: [5] },
      { _id: 'c', v: 7 },
    ]
    expect(sorted(docs, { v: 1 })).toEqual(['a', 'b', 'c'])
    expect(sorted(docs, { v: -1 })).toEqual(['a', 'c', 'b'])
  })

  it('puts an empty array before null', () => {
    const docs = [
      { _id: 'null', v: null },
      { _id: 'empty', v: [] },
      { _id: 'one', v: [1] },
    ]
    expect(sorted(docs, { v: 1 })).toEqual(['empty', 'null', 'one'])
    expect(sorted(docs, { v: -1 })).toEqual(['one', 'null', 'empty'])
  })

  it('sorts on dot paths through subdocuments and arrays of subdocuments', () => {
    const docs = [
      { _id: 1, p: { s: 3 } },
      { _id: 2, p: { s: 1 } },
      { _id: 3, p: [{ s: 9 }, { s: 2 }] },
    ]
    expect(sorted(docs, { 'p.s': 1 })).toEqual([2, 3, 1])
    expect(sorted(docs, { 'p.s': -1 })).toEqual([3, 1, 2])
  })

  it('compares numbers across kinds and strings by code point', () => {
    const docs = [
      { _id: 1, s: 'b' },
      { _id: 2, s: 'B' },
      { _id: 3, s: 'a' },
    ]
    expect(sorted(docs, { s: 1 })).toEqual([2, 3, 1])
  })

  it('an empty sort keeps the input order', () => {
    expect(sorted([{ _id: 2 }, { _id: 1 }], {})).toEqual([2, 1])
  })

  it('sortKeyOf exposes the key a document sorts by', () => {
    expect(sortKeyOf({ v: [3, 1, 2] }, 'v', 1)).toBe(1)
    expect(sortKeyOf({ v: [3, 1, 2] }, 'v', -1)).toBe(3)
    expect(sortKeyOf({}, 'v', 1)).toBeUndefined()
  })
})
