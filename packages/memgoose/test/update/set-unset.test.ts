import { describe, expect, it } from 'vitest'
import type { StoredDoc } from '../../src/engine/contract.js'
import { applyUpdate, compileUpdate } from '../../src/update/index.js'
import type { UpdateContext } from '../../src/update/index.js'

function run(doc: Record<string, unknown>, update: unknown, ctx?: UpdateContext) {
  return applyUpdate(doc as StoredDoc, compileUpdate(update), ctx)
}

describe('$set', () => {
  it('sets top-level and nested fields, creating missing objects', () => {
    const { doc, modified } = run({ _id: 1, a: { b: 1 } }, { $set: { 'a.c': 2, 'x.y.z': 3 } })
    expect(doc).toEqual({ _id: 1, a: { b: 1, c: 2 }, x: { y: { z: 3 } } })
    expect(modified).toBe(true)
  })

  it('is not a modification when the value is already there (same type and value)', () => {
    const input = { _id: 1, n: 1, o: { a: [1, { b: 2 }] } }
    const result = run(input, { $set: { n: 1, o: { a: [1, { b: 2 }] } } })
    expect(result.modified).toBe(false)
    expect(result.doc).toBe(input)
  })

  it('counts a change of field order inside a sub-document as a modification', () => {
    const result = run({ _id: 1, o: { a: 1, b: 2 } }, { $set: { o: { b: 2, a: 1 } } })
    expect(result.modified).toBe(true)
    expect(Object.keys(result.doc.o as object)).toEqual(['b', 'a'])
  })

  it('adds new fields in lexicographic order across operators (MongoDB 5.0+)', () => {
    const { doc } = run({ _id: 1, m: 0 }, { $set: { b: 1, a: 1 }, $inc: { c: 1 }, $max: { B: 1 } })
    expect(Object.keys(doc)).toEqual(['_id', 'm', 'B', 'a', 'b', 'c'])
  })

  it('keeps existing fields where they are when it overwrites them', () => {
    const { doc } = run({ _id: 1, a: 1, b: 2, c: 3 }, { $set: { a: 9 } })
    expect(Object.keys(doc)).toEqual(['_id', 'a', 'b', 'c'])
  })

  it('indexes into arrays with numeric segments and pads with null past the end', () => {
    expect(run({ _id: 1, a: [1, 2] }, { $set: { 'a.1': 5 } }).doc.a).toEqual([1, 5])
    expect(run({ _id: 1, a: [1] }, { $set: { 'a.3': 5 } }).doc.a).toEqual([1, null, null, 5])
    expect(run({ _id: 1, a: [{ b: 1 }] }, { $set: { 'a.0.c': 2 } }).doc.a).toEqual([{ b: 1, c: 2 }])
  })

  it('creates object keys for numeric segments where nothing exists', () => {
    expect(run({ _id: 1 }, { $set: { 'a.0.b': 1 } }).doc).toEqual({ _id: 1, a: { '0': { b: 1 } } })
  })

  it('refuses to create a field inside a scalar, naming the element like MongoDB', () => {
    expect(() => run({ _id: 1, a: 1 }, { $set: { 'a.b': 2 } })).toThrow(
      "Cannot create field 'b' in element {a: 1}"
    )
    expect(() => run({ _id: 1, a: null }, { $set: { 'a.b': 2 } })).toThrow(
      "Cannot create field 'b' in element {a: null}"
    )
    expect(() => run({ _id: 1, a: [1] }, { $set: { 'a.b': 2 } })).toThrow(
      "Cannot create field 'b' in element {a: [ 1 ]}"
    )
  })

  it('writes undefined as null, as the MongoDB driver sends it', () => {
    const { doc } = run({ _id: 1, a: 1 }, { $set: { a: undefined, b: undefined } })
    expect(doc).toEqual({ _id: 1, a: null, b: null })
    expect(Object.keys(doc)).toEqual(['_id', 'a', 'b'])
  })

  it('copies the written value, so mutating the update later cannot reach the document', () => {
    const value = { deep: [1] }
    const { doc } = run({ _id: 1 }, { $set: { v: value } })
    value.deep.push(2)
    expect(doc.v).toEqual({ deep: [1] })
  })
})

describe('copy-on-write', () => {
  it('never mutates the input and copies only the touched spine', () => {
    const input = { _id: 1, profile: { score: 1, bio: { text: 'x' } }, other: { big: [1, 2, 3] } }
    const frozen = structuredClone(input)
    const { doc } = run(input, { $set: { 'profile.score': 5 } })
    expect(input).toEqual(frozen)
    expect(doc).not.toBe(input)
    expect(doc.profile).not.toBe(input.profile)
    expect((doc.profile as typeof input.profile).bio).toBe(input.profile.bio)
    expect(doc.other).toBe(input.other)
  })

  it('keeps a null-prototype object null-prototype when copying it', () => {
    const sub = Object.assign(Object.create(null), { a: 1 })
    const { doc } = run({ _id: 1, sub }, { $set: { 'sub.b': 2 } })
    expect(Object.getPrototypeOf(doc.sub)).toBe(null)
    expect({ ...(doc.sub as object) }).toEqual({ a: 1, b: 2 })
  })
})

describe('compiled once, applied many times', () => {
  it('gives each document its own copy of the written values', () => {
    const compiled = compileUpdate({ $set: { o: { v: 1 } }, $push: { l: { w: 1 } } })
    const first = applyUpdate({ _id: 1, l: [] }, compiled).doc
    const second = applyUpdate({ _id: 2 }, compiled).doc
    expect(first.o).toEqual(second.o)
    expect(first.o).not.toBe(second.o)
    expect((first.l as unknown[])[0]).not.toBe((second.l as unknown[])[0])
  })
})

describe('$unset', () => {
  it('removes fields, nested fields, and ignores missing ones', () => {
    const result = run({ _id: 1, a: 1, b: { c: 2, d: 3 } }, { $unset: { a: '', 'b.c': 1, zz: 1 } })
    expect(result.doc).toEqual({ _id: 1, b: { d: 3 } })
  })

  it('is a no-op for missing paths, including paths through scalars', () => {
    const input = { _id: 1, a: 5 }
    const result = run(input, { $unset: { x: '', 'a.b': '' } })
    expect(result).toEqual({ doc: input, modified: false })
  })

  it('sets an array element to null instead of removing it', () => {
    expect(run({ _id: 1, a: [1, 2, 3] }, { $unset: { 'a.1': '' } }).doc.a).toEqual([1, null, 3])
  })
})

describe('$setOnInsert and $currentDate', () => {
  it('ignores $setOnInsert on updates and applies it on inserts', () => {
    const update = { $setOnInsert: { created: 1 }, $set: { n: 1 } }
    expect(run({ _id: 1 }, update).doc).toEqual({ _id: 1, n: 1 })
    expect(run({ _id: 1 }, update, { isInsert: true }).doc).toEqual({ _id: 1, created: 1, n: 1 })
  })

  it('writes ctx.now (a fresh Date per field) for true and both $type forms', () => {
    const now = new Date('2026-01-02T03:04:05Z')
    const { doc } = run(
      { _id: 1 },
      { $currentDate: { a: true, b: { $type: 'date' }, c: { $type: 'timestamp' } } },
      { now }
    )
    for (const key of ['a', 'b', 'c']) expect(doc[key]).toEqual(now)
    expect(doc.a).not.toBe(now)
    expect(doc.a).not.toBe(doc.b)
  })

  it('defaults to the current time', () => {
    const before = Date.now()
    const { doc } = run({ _id: 1 }, { $currentDate: { at: true } })
    expect((doc.at as Date).getTime()).toBeGreaterThanOrEqual(before)
  })
})

describe('_id', () => {
  it('may be $set to its current value but not changed or removed', () => {
    expect(run({ _id: 1, a: 1 }, { $set: { _id: 1 } }).modified).toBe(false)
    const msg = "Performing an update on the path '_id' would modify the immutable field '_id'"
    expect(() => run({ _id: 1 }, { $set: { _id: 2 } })).toThrow(msg)
    expect(() => run({ _id: 1 }, { $unset: { _id: '' } })).toThrow(msg)
    expect(() => run({ _id: { a: 1 } }, { $set: { '_id.a': 2 } })).toThrow(msg)
    expect(() => run({ _id: 1 }, { $rename: { _id: 'x' } })).toThrow(msg)
  })
})

describe('documents without operators', () => {
  it("are $set of their fields by default (mongoose's updateOne)", () => {
    const { doc } = run({ _id: 1, a: 1, b: 2 }, { a: 5 })
    expect(doc).toEqual({ _id: 1, a: 5, b: 2 })
  })

  it('replace the document with overwrite: true, keeping _id first', () => {
    const compiled = compileUpdate({ x: 1, _id: 1 }, { overwrite: true })
    const { doc, modified } = applyUpdate({ _id: 1, a: 1 }, compiled)
    expect(doc).toEqual({ _id: 1, x: 1 })
    expect(Object.keys(doc)).toEqual(['_id', 'x'])
    expect(modified).toBe(true)
  })

  it('report no modification when the replacement equals the document', () => {
    const compiled = compileUpdate({ a: 1 }, { overwrite: true })
    expect(applyUpdate({ _id: 1, a: 1 }, compiled).modified).toBe(false)
  })

  it('cannot change _id by replacement', () => {
    const compiled = compileUpdate({ _id: 2, a: 1 }, { overwrite: true })
    expect(() => applyUpdate({ _id: 1 }, compiled)).toThrow(
      expect.objectContaining({ code: 'IMMUTABLE_FIELD' })
    )
  })
})
