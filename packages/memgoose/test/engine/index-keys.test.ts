import { describe, expect, it } from 'vitest'
import type { IndexSpec } from '../../src/engine/contract.js'
import { IndexKeyer, indexKeysOf } from '../../src/engine/index-keys.js'
import { encodeKey } from '../../src/values/keystring.js'

const spec = (key: [string, 1 | -1][], extra: Partial<IndexSpec> = {}): IndexSpec => ({
  name: key.map(([p, d]) => `${p}_${d}`).join('_'),
  key,
  ...extra,
})

describe('indexKeysOf', () => {
  it('reads plain and nested fields, with null for missing ones', () => {
    expect(indexKeysOf({ _id: 1, a: 5 }, spec([['a', 1]]))).toEqual([[5]])
    expect(
      indexKeysOf(
        { _id: 1, p: { q: 'x' } },
        spec([
          ['p.q', 1],
          ['z', -1],
        ])
      )
    ).toEqual([['x', null]])
    expect(indexKeysOf({ _id: 1 }, spec([['a', 1]]))).toEqual([[null]])
    expect(indexKeysOf({ _id: 1, a: null }, spec([['a', 1]]))).toEqual([[null]])
  })

  it('expands arrays into one key per element, keeping nested arrays whole', () => {
    expect(indexKeysOf({ _id: 1, tags: ['a', 'b', ['c']] }, spec([['tags', 1]]))).toEqual([
      ['a'],
      ['b'],
      [['c']],
    ])
    expect(indexKeysOf({ _id: 1, tags: [] }, spec([['tags', 1]]))).toEqual([[null]])
    expect(
      indexKeysOf({ _id: 1, items: [{ sku: 1 }, { sku: [2, 3] }] }, spec([['items.sku', 1]]))
    ).toEqual([[1], [2], [3]])
  })

  it('keys array elements that cannot hold a nested field as null', () => {
    expect(indexKeysOf({ _id: 1, a: [1, { b: 2 }] }, spec([['a.b', 1]]))).toEqual([[null], [2]])
  })

  it('reads numeric path parts positionally and as field names', () => {
    expect(indexKeysOf({ _id: 1, a: [7, 8] }, spec([['a.0', 1]]))).toEqual([[7]])
    expect(indexKeysOf({ _id: 1, a: { 0: 'x' } }, spec([['a.0', 1]]))).toEqual([['x']])
  })

  it('takes the cartesian product of several array fields', () => {
    const keys = indexKeysOf(
      { _id: 1, a: [1, 2], b: ['x', 'y'] },
      spec([
        ['a', 1],
        ['b', 1],
      ])
    )
    expect(keys).toEqual([
      [1, 'x'],
      [1, 'y'],
      [2, 'x'],
      [2, 'y'],
    ])
  })

  it('leaves documents out of sparse and partial indexes', () => {
    const sparse = spec(
      [
        ['a', 1],
        ['b', 1],
      ],
      { sparse: true }
    )
    expect(indexKeysOf({ _id: 1 }, sparse)).toEqual([])
    expect(indexKeysOf({ _id: 1, b: null }, sparse)).toEqual([[null, null]])
    const partial = spec([['a', 1]], { partialFilterExpression: { active: true } })
    expect(indexKeysOf({ _id: 1, a: 1, active: false }, partial)).toEqual([])
    expect(indexKeysOf({ _id: 1, a: 1, active: true }, partial)).toEqual([[1]])
  })
})

describe('IndexKeyer', () => {
  it('encodes distinct keys with the index directions and reports multikey documents', () => {
    const keyer = new IndexKeyer(
      spec([
        ['a', 1],
        ['b', -1],
      ])
    )
    expect(keyer.encodedKeysOf({ _id: 1, a: [1, 1, 2], b: 'x' })).toEqual([
      encodeKey([1, 'x'], [1, -1]),
      encodeKey([2, 'x'], [1, -1]),
    ])
    expect(keyer.lastMultikey).toBe(true)
    keyer.encodedKeysOf({ _id: 2, a: 1, b: 'x' })
    expect(keyer.lastMultikey).toBe(false)
  })

  it('matches the general path on its single-field fast path', () => {
    const keyer = new IndexKeyer(spec([['email', 1]]))
    const sparse = new IndexKeyer(spec([['email', 1]], { sparse: true }))
    for (const doc of [
      { _id: 1, email: 'a' },
      { _id: 2 },
      { _id: 3, email: ['a', 'b'] },
      { _id: 4, email: null },
    ]) {
      expect(keyer.encodedKeysOf(doc)).toEqual([
        ...new Set(keyer.keysOf(doc).map((t) => encodeKey(t))),
      ])
      expect(sparse.encodedKeysOf(doc)).toEqual([
        ...new Set(sparse.keysOf(doc).map((t) => encodeKey(t))),
      ])
    }
  })
})

describe('IndexKeyer.singleKeyOf (the bulk-insert fast path)', () => {
  const docs: Record<string, unknown>[] = [
    { _id: 1, a: 5 },
    { _id: 2, a: 'x' },
    { _id: 3 },
    { _id: 4, a: null },
    { _id: 5, a: undefined },
    { _id: 6, a: [1, 2, 2] },
    { _id: 7, a: [] },
    { _id: 8, a: { b: 1 } },
    { _id: 9, a: new Date(0) },
    { _id: 10, a: -0 },
    { _id: 11, a: NaN },
    { _id: 12, a: 'é😀' },
    { _id: 13, a: true },
  ]
  const specs: IndexSpec[] = [
    spec([['a', 1]]),
    spec([['a', 1]], { sparse: true }),
    spec([['a', -1]]),
    spec([['a', 1]], { partialFilterExpression: { a: { $exists: true } } }),
    spec([
      ['a', 1],
      ['b', 1],
    ]),
    spec([['a.b', 1]]),
  ]

  it('gives the one key the general path gives, or defers to it', () => {
    for (const s of specs) {
      const keyer = new IndexKeyer(s)
      for (const doc of docs) {
        const general = [...new Set(indexKeysOf(doc, s).map((t) => encodeKey(t, keyer.directions)))]
        const single = keyer.singleKeyOf(doc)
        if (single !== undefined) {
          expect([single]).toEqual(general)
          expect(keyer.lastMultikey).toBe(false)
        }
        expect([...keyer.encodedKeysOf(doc)].sort()).toEqual(general.sort())
      }
    }
  })

  it('takes the fast path exactly for a plain ascending single-field index over a non-array', () => {
    const keyer = new IndexKeyer(spec([['a', 1]]))
    expect(keyer.singleKeyOf({ _id: 1, a: 5 })).toBeDefined()
    expect(keyer.singleKeyOf({ _id: 1 })).toBeDefined()
    expect(keyer.singleKeyOf({ _id: 1, a: [5] })).toBeUndefined()
    expect(new IndexKeyer(spec([['a', -1]])).singleKeyOf({ _id: 1, a: 5 })).toBeUndefined()
    expect(new IndexKeyer(spec([['a', 1]], { sparse: true })).singleKeyOf({ _id: 1 })).toBe(
      undefined
    )
  })
  it('memoises recurring values without confusing kinds, and copes with many distinct ones', () => {
    const keyer = new IndexKeyer(spec([['a', 1]]))
    const values: unknown[] = [0, -0, NaN, 1, '1', true, 'true', 1.5, '', null]
    for (let i = 0; i < 600; i++) values.push(i % 2 === 0 ? i : `v${i}`)
    for (const round of [1, 2]) {
      for (const a of values) {
        const general = encodeKey(indexKeysOf({ _id: round, a }, spec([['a', 1]]))[0])
        expect(keyer.singleKeyOf({ _id: round, a })).toBe(general)
      }
    }
  })
})
