import { describe, expect, it } from 'vitest'
import type { StoredDoc } from '../../src/engine/contract.js'
import { applyUpdate, compileUpdate } from '../../src/update/index.js'

function run(doc: Record<string, unknown>, update: unknown) {
  return applyUpdate(doc as StoredDoc, compileUpdate(update))
}

describe('$rename', () => {
  it('moves top-level and nested fields, creating the destination path', () => {
    const { doc } = run({ _id: 1, a: 1, o: { b: { c: 2 } } }, { $rename: { a: 'z', 'o.b': 'p.q' } })
    expect(doc).toEqual({ _id: 1, o: {}, p: { q: { c: 2 } }, z: 1 })
  })

  it('overwrites an existing destination', () => {
    expect(run({ _id: 1, a: 1, b: 2 }, { $rename: { a: 'b' } }).doc).toEqual({ _id: 1, b: 1 })
  })

  it('is a no-op when the source is missing', () => {
    const input = { _id: 1, b: 2 }
    expect(run(input, { $rename: { a: 'b' } })).toEqual({ doc: input, modified: false })
  })

  it('rejects same, nested and dynamic paths and non-string targets', () => {
    expect(() => compileUpdate({ $rename: { a: 'a' } })).toThrow(
      'The source and target field for $rename must differ: a: "a"'
    )
    expect(() => compileUpdate({ $rename: { a: 'a.b' } })).toThrow(/must not be on the same path/)
    expect(() => compileUpdate({ $rename: { 'a.b': 'a' } })).toThrow(/must not be on the same path/)
    expect(() => compileUpdate({ $rename: { 'a.$': 'b' } })).toThrow(
      /source field for \$rename may not be dynamic/
    )
    expect(() => compileUpdate({ $rename: { a: 'b.$[]' } })).toThrow(
      /destination field for \$rename may not be dynamic/
    )
    expect(() => compileUpdate({ $rename: { a: 1 } })).toThrow(
      /The 'to' field for \$rename must be a string/
    )
  })

  it('refuses sources and destinations inside arrays', () => {
    expect(() => run({ _id: 1, a: [{ b: 1 }] }, { $rename: { 'a.0.b': 'c' } })).toThrow(
      "The source field cannot be an array element, 'a.0.b' in doc with _id: 1 has an array field called 'a'"
    )
    expect(() => run({ _id: 1, a: 1, d: [] }, { $rename: { a: 'd.x' } })).toThrow(
      /The destination field cannot be an array element/
    )
  })

  it('conflicts with other operators on either path', () => {
    expect(() => compileUpdate({ $rename: { a: 'b' }, $set: { a: 1 } })).toThrow(
      expect.objectContaining({ code: 'CONFLICTING_UPDATE' })
    )
    expect(() => compileUpdate({ $rename: { a: 'b' }, $inc: { 'b.c': 1 } })).toThrow(
      expect.objectContaining({ code: 'CONFLICTING_UPDATE' })
    )
  })

  it('combines with other operators on unrelated paths', () => {
    const { doc } = run({ _id: 1, a: 1, n: 1 }, { $rename: { a: 'b' }, $inc: { n: 1 } })
    expect(doc).toEqual({ _id: 1, n: 2, b: 1 })
  })
})
