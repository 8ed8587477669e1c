import { describe, expect, it } from 'vitest'
import { buildUpsertDocument, compileUpdate } from '../../src/update/index.js'

describe('buildUpsertDocument', () => {
  it('seeds the document with equality conditions and applies the update as an insert', () => {
    const doc = buildUpsertDocument(
      {
        _id: 7,
        name: 'ann',
        'address.city': 'Oslo',
        age: { $gt: 18 },
        $and: [{ team: { $eq: 'x' } }],
      },
      compileUpdate({ $set: { active: true }, $setOnInsert: { created: 1 }, $inc: { visits: 1 } })
    )
    expect(doc).toEqual({
      _id: 7,
      name: 'ann',
      address: { city: 'Oslo' },
      team: 'x',
      active: true,
      created: 1,
      visits: 1,
    })
    expect(Object.keys(doc)[0]).toBe('_id')
  })

  it('takes only equality: operators, regexes and multi-clause $or contribute nothing', () => {
    const doc = buildUpsertDocument(
      { a: { $in: [1, 2] }, b: /x/, $or: [{ c: 1 }, { c: 2 }], d: { $eq: 4, $ne: 5 } },
      compileUpdate({ $set: { z: 1 } })
    )
    expect(doc).toEqual({ d: 4, z: 1 })
  })

  it('uses a single-clause $or like a plain condition', () => {
    expect(buildUpsertDocument({ $or: [{ c: 1 }] }, compileUpdate({ $set: { z: 1 } }))).toEqual({
      c: 1,
      z: 1,
    })
  })

  it('copies whole sub-documents given as equality values', () => {
    const filter = { o: { p: 1 } }
    const doc = buildUpsertDocument(filter, compileUpdate({ $set: { 'o.q': 2 } }))
    expect(doc).toEqual({ o: { p: 1, q: 2 } })
    expect(filter).toEqual({ o: { p: 1 } })
  })

  it('lets the update overwrite a filter field but not the filter _id', () => {
    expect(buildUpsertDocument({ a: 1 }, compileUpdate({ $set: { a: 2 } }))).toEqual({ a: 2 })
    expect(() => buildUpsertDocument({ _id: 1 }, compileUpdate({ $set: { _id: 2 } }))).toThrow(
      expect.objectContaining({ code: 'IMMUTABLE_FIELD' })
    )
    expect(buildUpsertDocument({ x: 1 }, compileUpdate({ $set: { _id: 5 } }))).toEqual({
      _id: 5,
      x: 1,
    })
  })

  it('rejects a path matched twice', () => {
    expect(() =>
      buildUpsertDocument({ a: { b: 1 }, 'a.b': 2 }, compileUpdate({ $set: { z: 1 } }))
    ).toThrow(/matched twice/)
  })

  it('fills $currentDate and ignores nothing else of the update', () => {
    const now = new Date(5)
    const doc = buildUpsertDocument(
      { k: 1 },
      compileUpdate({ $currentDate: { at: true }, $push: { l: 1 } }),
      { now }
    )
    expect(doc).toEqual({ k: 1, at: now, l: [1] })
  })

  it('fails a positional $ like MongoDB, since no array element matched', () => {
    expect(() => buildUpsertDocument({ a: 1 }, compileUpdate({ $set: { 'a.$': 1 } }))).toThrow(
      /positional operator did not find the match/
    )
  })

  it('uses a replacement with the filter _id', () => {
    const replacement = compileUpdate({ name: 'x' }, { overwrite: true })
    expect(buildUpsertDocument({ _id: 3, other: 1 }, replacement)).toEqual({ _id: 3, name: 'x' })
    expect(buildUpsertDocument({ other: 1 }, replacement)).toEqual({ name: 'x' })
    const withId = compileUpdate({ _id: 4, name: 'x' }, { overwrite: true })
    expect(buildUpsertDocument({ other: 1 }, withId)).toEqual({ _id: 4, name: 'x' })
  })

  it('rejects forbidden keys in the filter', () => {
    const filter = JSON.parse('{"__proto__": {"polluted": 1}}')
    expect(() => buildUpsertDocument(filter, compileUpdate({ $set: { z: 1 } }))).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
    expect(() =>
      buildUpsertDocument({ 'a.constructor': 1 }, compileUpdate({ $set: { z: 1 } }))
    ).toThrow(expect.objectContaining({ code: 'UNSAFE_KEY' }))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
