import { describe, expect, it } from 'vitest'
import type { StoredDoc } from '../../src/engine/contract.js'
import { applyUpdate, compileUpdate } from '../../src/update/index.js'
import type { UpdateContext } from '../../src/update/index.js'

function run(doc: Record<string, unknown>, update: unknown, ctx?: UpdateContext) {
  return applyUpdate(doc as StoredDoc, compileUpdate(update), ctx)
}

describe('positional $', () => {
  it('updates the element the query matched, asking for the array path', () => {
    const asked: string[] = []
    const positionalIndex = (path: string) => {
      asked.push(path)
      return 1
    }
    const doc = { _id: 1, items: [{ q: 1 }, { q: 2 }], tags: ['a', 'b'] }
    const { doc: out } = run(doc, { $set: { 'items.$.q': 9 } }, { positionalIndex })
    expect(out.items).toEqual([{ q: 1 }, { q: 9 }])
    expect(asked).toEqual(['items'])
    expect(run(doc, { $set: { 'tags.$': 'z' } }, { positionalIndex: () => 0 }).doc.tags).toEqual([
      'z',
      'b',
    ])
  })

  it("fails with MongoDB's message when the query matched no element", () => {
    expect(() => run({ _id: 1, a: [1] }, { $set: { 'a.$': 2 } })).toThrow(
      'The positional operator did not find the match needed from the query.'
    )
    expect(() =>
      run({ _id: 1, a: [1] }, { $set: { 'a.$': 2 } }, { positionalIndex: () => undefined })
    ).toThrow(expect.objectContaining({ code: 'BAD_UPDATE' }))
  })

  it('merges with a concrete index on another field of the same element, but not the same path', () => {
    const doc = { _id: 1, a: [{ x: 1, y: 1 }] }
    const ctx = { positionalIndex: () => 0 }
    expect(run(doc, { $set: { 'a.$.x': 5, 'a.0.y': 6 } }, ctx).doc.a).toEqual([{ x: 5, y: 6 }])
    expect(() => run(doc, { $set: { 'a.$.x': 5, 'a.0.x': 6 } }, ctx)).toThrow(
      "Update created a conflict at 'a.0'"
    )
  })

  it('may appear only once and not first', () => {
    expect(() => compileUpdate({ $set: { 'a.$.b.$': 1 } })).toThrow(/Too many positional/)
    expect(() => compileUpdate({ $set: { '$.a': 1 } })).toThrow(/first position/)
  })
})

describe('all positional $[]', () => {
  it('updates every element, including nested paths', () => {
    expect(run({ _id: 1, a: [1, 2, 3] }, { $inc: { 'a.$[]': 10 } }).doc.a).toEqual([11, 12, 13])
    const grades = [
      { g: 1, m: [1, 2] },
      { g: 2, m: [3] },
    ]
    expect(run({ _id: 1, grades }, { $inc: { 'grades.$[].m.$[]': 1 } }).doc.grades).toEqual([
      { g: 1, m: [2, 3] },
      { g: 2, m: [4] },
    ])
  })

  it('is a no-op on an empty array and fails on missing or non-array fields', () => {
    expect(run({ _id: 1, a: [] }, { $set: { 'a.$[]': 1 } }).modified).toBe(false)
    expect(() => run({ _id: 1 }, { $set: { 'a.$[]': 1 } })).toThrow(
      "The path 'a' must exist in the document in order to apply array updates."
    )
    expect(() => run({ _id: 1, a: 5 }, { $set: { 'a.$[]': 1 } })).toThrow(
      'Cannot apply array updates to non-array element a: 5'
    )
  })

  it('conflicts with a concrete index or $ under the same array', () => {
    expect(() => compileUpdate({ $set: { 'a.$[]': 1, 'a.0': 2 } })).toThrow(
      expect.objectContaining({ code: 'CONFLICTING_UPDATE' })
    )
    expect(() => compileUpdate({ $set: { 'a.$[].x': 1, 'a.$.y': 2 } })).toThrow(
      expect.objectContaining({ code: 'CONFLICTING_UPDATE' })
    )
  })
})

describe('filtered positional $[<identifier>]', () => {
  it('updates the elements matching the array filter on scalars and documents', () => {
    const scalars = run(
      { _id: 1, a: [1, 5, 9] },
      { $set: { 'a.$[big]': 0 } },
      { arrayFilters: [{ big: { $gte: 5 } }] }
    )
    expect(scalars.doc.a).toEqual([1, 0, 0])
    const docs = run(
      {
        _id: 1,
        items: [
          { q: 1, s: 'a' },
          { q: 7, s: 'b' },
          { q: 8, s: 'a' },
        ],
      },
      { $inc: { 'items.$[it].q': 100 } },
      { arrayFilters: [{ 'it.q': { $gt: 5 }, 'it.s': 'a' }] }
    )
    expect(docs.doc.items).toEqual([
      { q: 1, s: 'a' },
      { q: 7, s: 'b' },
      { q: 108, s: 'a' },
    ])
  })

  it('evaluates filters on the original elements', () => {
    const { doc } = run(
      { _id: 1, a: [{ v: 1 }, { v: 2 }] },
      { $inc: { 'a.$[x].v': 1 } },
      { arrayFilters: [{ 'x.v': 1 }] }
    )
    expect(doc.a).toEqual([{ v: 2 }, { v: 2 }])
  })

  it('combines nested identifiers', () => {
    const doc = {
      _id: 1,
      g: [
        { k: 'a', s: [1, 9] },
        { k: 'b', s: [9] },
      ],
    }
    const { doc: out } = run(
      doc,
      { $set: { 'g.$[o].s.$[i]': 0 } },
      {
        arrayFilters: [{ 'o.k': 'a' }, { i: { $gt: 5 } }],
      }
    )
    expect(out.g).toEqual([
      { k: 'a', s: [1, 0] },
      { k: 'b', s: [9] },
    ])
  })

  it('applies two identifiers to one element when they touch different fields', () => {
    const { doc } = run(
      { _id: 1, a: [{ x: 1, y: 1 }] },
      { $set: { 'a.$[i].x': 5, 'a.$[j].y': 6 } },
      { arrayFilters: [{ 'i.x': 1 }, { 'j.y': 1 }] }
    )
    expect(doc.a).toEqual([{ x: 5, y: 6 }])
    expect(() =>
      run(
        { _id: 1, a: [1] },
        { $set: { 'a.$[i]': 5, 'a.$[j]': 6 } },
        { arrayFilters: [{ i: 1 }, { j: 1 }] }
      )
    ).toThrow("Update created a conflict at 'a.0'")
  })

  it('requires a filter for every identifier and a use for every filter', () => {
    expect(() => run({ _id: 1, a: [1] }, { $set: { 'a.$[x]': 1 } })).toThrow(
      "No array filter found for identifier 'x'"
    )
    expect(() =>
      run({ _id: 1, a: [1] }, { $set: { 'a.$[x]': 1 } }, { arrayFilters: [{ x: 1 }, { y: 1 }] })
    ).toThrow("The array filter for identifier 'y' was not used in the update")
    expect(() => run({ _id: 1, a: [1] }, { $set: { a: 1 } }, { arrayFilters: [{ y: 1 }] })).toThrow(
      /not used/
    )
    expect(() =>
      run({ _id: 1, a: [1] }, { $set: { 'a.$[x]': 1 } }, { arrayFilters: [{ x: 1, y: 2 }] })
    ).toThrow(/Expected a single top-level field name/)
    expect(() =>
      run({ _id: 1, a: [1] }, { $set: { 'a.$[x]': 1 } }, { arrayFilters: [{ x: 1 }, { x: 2 }] })
    ).toThrow(/multiple array filters/)
  })

  it('rejects malformed identifiers', () => {
    expect(() => compileUpdate({ $set: { 'a.$[X]': 1 } })).toThrow(/dollar \(\$\) prefixed field/)
  })
})
