import { describe, expect, it } from 'vitest'
import { compileProjection, validateProjection } from '../../src/query/index.js'

const doc = {
  _id: 1,
  name: 'Ann',
  age: 30,
  profile: { bio: 'hi', score: 5 },
  tags: ['a', 'b', 'c', 'd'],
  items: [{ sku: 'x', qty: 1 }, { sku: 'y', qty: 5 }, 3],
}

const project = (
  projection: Parameters<typeof compileProjection>[0],
  filter?: Record<string, unknown>
): Record<string, unknown> => compileProjection(projection, filter)(doc)

describe('inclusion', () => {
  it('keeps listed fields and _id, in document order', () => {
    const out = project({ age: 1, name: true })
    expect(out).toEqual({ _id: 1, name: 'Ann', age: 30 })
    expect(Object.keys(out)).toEqual(['_id', 'name', 'age'])
  })

  it('drops _id on request', () => {
    expect(project({ name: 1, _id: 0 })).toEqual({ name: 'Ann' })
    expect(project({ _id: 1 })).toEqual({ _id: 1 })
  })

  it('follows dot paths and nested specifications', () => {
    expect(project({ 'profile.score': 1 })).toEqual({ _id: 1, profile: { score: 5 } })
    expect(project({ profile: { bio: 1 } })).toEqual({ _id: 1, profile: { bio: 'hi' } })
  })

  it('projects through arrays of subdocuments, dropping scalars', () => {
    expect(project({ 'items.sku': 1, _id: 0 })).toEqual({ items: [{ sku: 'x' }, { sku: 'y' }] })
  })

  it('accepts mongoose string forms', () => {
    expect(project('name -_id')).toEqual({ name: 'Ann' })
    expect(project(['name', 'age'])).toEqual({ _id: 1, name: 'Ann', age: 30 })
  })
})

describe('arrays nested in arrays', () => {
  it('are projected element by element, as MongoDB does', () => {
    const nested = { _id: 1, a: [[{ b: 1, c: 2 }], 2, { b: 3 }] }
    expect(compileProjection({ 'a.b': 1, _id: 0 })(nested)).toEqual({ a: [[{ b: 1 }], { b: 3 }] })
    expect(compileProjection({ 'a.b': 0, _id: 0 })(nested)).toEqual({ a: [[{ c: 2 }], 2, {}] })
  })
})

describe('exclusion', () => {
  it('drops listed fields and keeps the rest', () => {
    const out = project({ tags: 0, items: false, 'profile.bio': 0 })
    expect(out).toEqual({ _id: 1, name: 'Ann', age: 30, profile: { score: 5 } })
  })

  it('drops paths inside arrays of subdocuments, keeping scalars', () => {
    expect(project({ 'items.qty': 0 }).items).toEqual([{ sku: 'x' }, { sku: 'y' }, 3])
  })

  it('_id: 0 alone excludes only _id', () => {
    const out = project({ _id: 0 })
    expect(out._id).toBeUndefined()
    expect(out.name).toBe('Ann')
  })

  it('an empty projection returns a copy of the whole document', () => {
    const out = project({})
    expect(out).toEqual(doc)
    expect(out).not.toBe(doc)
  })
})

describe('$slice, $elemMatch and positional', () => {
  it('$slice keeps the first or last elements, or a window', () => {
    expect(project({ tags: { $slice: 2 } }).tags).toEqual(['a', 'b'])
    expect(project({ tags: { $slice: -1 } }).tags).toEqual(['d'])
    expect(project({ tags: { $slice: [1, 2] } }).tags).toEqual(['b', 'c'])
    expect(project({ tags: { $slice: [-3, 2] } }).tags).toEqual(['b', 'c'])
    expect(project({ tags: { $slice: [10, 2] } }).tags).toEqual([])
  })

  it('$slice alone keeps the other fields; with inclusions it is an inclusion', () => {
    expect(project({ tags: { $slice: 1 } }).name).toBe('Ann')
    expect(project({ tags: { $slice: 1 }, name: 1 })).toEqual({ _id: 1, name: 'Ann', tags: ['a'] })
  })

  it('$elemMatch keeps only the first matching element', () => {
    expect(project({ items: { $elemMatch: { qty: { $gt: 0 } } } })).toEqual({
      _id: 1,
      items: [{ sku: 'x', qty: 1 }],
    })
    expect(project({ items: { $elemMatch: { qty: 99 } } })).toEqual({ _id: 1 })
    expect(project({ tags: { $elemMatch: { $gte: 'c' } } }).tags).toEqual(['c'])
  })

  it('$elemMatch also works beside exclusions', () => {
    const out = project({ name: 0, items: { $elemMatch: { sku: 'y' } } })
    expect(out.name).toBeUndefined()
    expect(out.age).toBe(30)
    expect(out.items).toEqual([{ sku: 'y', qty: 5 }])
  })

  it('field.$ keeps the element the filter matched', () => {
    expect(project({ 'items.$': 1 }, { 'items.sku': 'y' })).toEqual({
      _id: 1,
      items: [{ sku: 'y', qty: 5 }],
    })
    expect(project({ 'tags.$': 1, _id: 0 }, { tags: 'c' })).toEqual({ tags: ['c'] })
  })

  it('field.$ needs a filter condition on the array', () => {
    expect(() => compileProjection({ 'tags.$': 1 })).toThrow(
      expect.objectContaining({ code: 'BAD_PROJECTION' })
    )
    expect(() => compileProjection({ 'tags.$': 1 }, { name: 'Ann' })).toThrow(
      expect.objectContaining({ code: 'BAD_PROJECTION' })
    )
  })
})

describe('results and validation', () => {
  it('returns a new object without changing the input', () => {
    const before = JSON.stringify(doc)
    const out = project({ 'profile.score': 1, tags: { $slice: 1 } })
    expect(out.profile).not.toBe(doc.profile)
    expect(JSON.stringify(doc)).toBe(before)
  })

  it('rejects mixed inclusion and exclusion, collisions and bad values', () => {
    const bad = [
      { a: 1, b: 0 },
      { a: 1, 'a.b': 1 },
      { a: 'yes' },
      { a: { $slice: 'x' } },
      { a: { $slice: [1, 0] } },
      { 'a.b': { $elemMatch: { x: 1 } } },
      { 'a.$': 0 },
      { 'a.$.b': 1 },
    ]
    for (const projection of bad) {
      expect(() => validateProjection(projection), JSON.stringify(projection)).toThrow(
        expect.objectContaining({ code: 'BAD_PROJECTION' })
      )
    }
  })

  it('rejects unknown operators, $meta and unsafe keys with their codes', () => {
    expect(() => validateProjection({ a: { $foo: 1 } })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_OPERATOR' })
    )
    expect(() => validateProjection({ a: { $meta: 'textScore' } })).toThrow(
      expect.objectContaining({ code: 'NOT_SUPPORTED' })
    )
    expect(() => validateProjection(JSON.parse('{"__proto__": 1}'))).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
    expect(() => validateProjection({ 'a.constructor': 0 })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
  })

  it('reports the mode it parsed', () => {
    expect(validateProjection({ a: 1 }).mode).toBe('inclusion')
    expect(validateProjection({ a: 0 }).mode).toBe('exclusion')
    expect(validateProjection({ _id: 0, a: 1 }).includeId).toBe(false)
  })
})
