import { describe, expect, it } from 'vitest'
import type { StoredDoc } from '../../src/engine/contract.js'
import { NotSupportedError, QueryError, UnsafeInputError } from '../../src/errors/index.js'
import { applyUpdate, compileUpdate, isReplacement } from '../../src/update/index.js'

const code = (c: string) => expect.objectContaining({ code: c })

function deepValue(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: 1 }
  for (let i = 0; i < depth; i++) value = { n: value }
  return value
}

describe('malformed updates', () => {
  it('rejects unknown operators with UNKNOWN_OPERATOR', () => {
    expect(() => compileUpdate({ $foo: { a: 1 } })).toThrow(code('UNKNOWN_OPERATOR'))
    expect(() => compileUpdate({ $foo: { a: 1 } })).toThrow(/^Unknown modifier: \$foo/)
  })

  it('reports pipeline updates as not supported', () => {
    expect(() => compileUpdate([{ $set: { a: 1 } }])).toThrow(NotSupportedError)
  })

  it('rejects non-object updates and operator arguments', () => {
    for (const bad of [null, 5, 'x', new Date()]) {
      expect(() => compileUpdate(bad)).toThrow(code('BAD_UPDATE'))
    }
    expect(() => compileUpdate({ $set: 1 })).toThrow(/Modifiers operate on fields/)
    expect(() => compileUpdate({ $set: [1] })).toThrow(code('BAD_UPDATE'))
  })

  it("rejects empty updates and empty operators with MongoDB's message", () => {
    expect(() => compileUpdate({})).toThrow(code('BAD_UPDATE'))
    expect(() => compileUpdate({ $set: {} })).toThrow(
      "'$set' is empty. You must specify a field like so: {$set: {<field>: ...}}"
    )
    expect(() => compileUpdate({ $inc: { a: 1 }, $unset: {} })).toThrow(/'\$unset' is empty/)
  })

  it('allows an empty replacement document with overwrite', () => {
    const { doc } = applyUpdate({ _id: 1, a: 1 }, compileUpdate({}, { overwrite: true }))
    expect(doc).toEqual({ _id: 1 })
  })

  it('rejects operators mixed with plain fields', () => {
    expect(() => isReplacement({ $set: { a: 1 }, b: 2 })).toThrow(code('BAD_UPDATE'))
    expect(() => compileUpdate({ $set: { a: 1 }, b: 2 })).toThrow(code('BAD_UPDATE'))
    expect(() => compileUpdate({ $set: { a: 1 } }, { overwrite: true })).toThrow(code('BAD_UPDATE'))
    expect(isReplacement({ a: 1 })).toBe(true)
    expect(isReplacement([{ $set: { a: 1 } }] as never)).toBe(false)
    expect(isReplacement({ $set: { a: 1 } })).toBe(false)
  })

  it("rejects conflicting paths with MongoDB's message", () => {
    expect(() => compileUpdate({ $set: { a: 1 }, $inc: { a: 1 } })).toThrow(
      "Updating the path 'a' would create a conflict at 'a'"
    )
    expect(() => compileUpdate({ $set: { a: 1 }, $inc: { 'a.b': 1 } })).toThrow(
      "Updating the path 'a.b' would create a conflict at 'a'"
    )
    expect(() => compileUpdate({ $set: { 'a.b': 1 }, $unset: { a: 1 } })).toThrow(
      code('CONFLICTING_UPDATE')
    )
    expect(() => compileUpdate({ $set: { 'a.b': 1, 'a.c': 1 } })).not.toThrow()
  })

  it('rejects empty path segments and $-prefixed field names in paths', () => {
    expect(() => compileUpdate({ $set: { '': 1 } })).toThrow(code('BAD_UPDATE'))
    expect(() => compileUpdate({ $set: { 'a..b': 1 } })).toThrow(/empty field name/)
    expect(() => compileUpdate({ $set: { 'a.': 1 } })).toThrow(/empty field name/)
    expect(() => compileUpdate({ $set: { 'a.$where': 1 } })).toThrow(/not valid for storage/)
  })

  it('rejects $-prefixed field names inside written values', () => {
    expect(() => compileUpdate({ $set: { a: { b: { $gt: 1 } } } })).toThrow(
      "The dollar ($) prefixed field '$gt' in 'a.b.$gt' is not allowed in the context of an update"
    )
    expect(() => compileUpdate({ $push: { a: { $each: [{ $x: 1 }] } } })).toThrow(
      code('BAD_UPDATE')
    )
    expect(() => compileUpdate({ $addToSet: { a: { $x: 1 } } })).toThrow(code('BAD_UPDATE'))
    expect(() => compileUpdate({ $x: 1 }, { overwrite: true })).toThrow(code('BAD_UPDATE'))
    expect(() => compileUpdate({ a: { $x: 1 } }, { overwrite: true })).toThrow(code('BAD_UPDATE'))
  })

  it('rejects bad $currentDate arguments', () => {
    expect(() => compileUpdate({ $currentDate: { a: { $type: 'string' } } })).toThrow(
      /not valid type for \$currentDate/
    )
    expect(() => compileUpdate({ $currentDate: { a: 1 } })).toThrow(code('BAD_UPDATE'))
  })
})

describe('hostile keys (UNSAFE_KEY) anywhere in an update', () => {
  const cases: [string, () => unknown][] = [
    ['top-level key', () => compileUpdate(JSON.parse('{"__proto__": {"x": 1}}'))],
    ['operator field', () => compileUpdate(JSON.parse('{"$set": {"__proto__": {"x": 1}}}'))],
    ['path segment', () => compileUpdate({ $set: { 'a.constructor.prototype': 1 } })],
    ['prototype path', () => compileUpdate({ $inc: { 'prototype.x': 1 } })],
    [
      'nested value',
      () => compileUpdate(JSON.parse('{"$set": {"a": {"b": {"__proto__": {"x": 1}}}}}')),
    ],
    ['value in an array', () => compileUpdate({ $push: { a: { $each: [{ constructor: 1 }] } } })],
    ['$rename target', () => compileUpdate({ $rename: { a: '__proto__' } })],
    [
      '$push $sort field',
      () => compileUpdate({ $push: { a: { $each: [], $sort: { 'x.__proto__': 1 } } } }),
    ],
    ['$pull condition', () => compileUpdate(JSON.parse('{"$pull": {"a": {"__proto__": 1}}}'))],
    [
      'replacement',
      () => compileUpdate(JSON.parse('{"a": {"__proto__": {"x": 1}}}'), { overwrite: true }),
    ],
    [
      'arrayFilters',
      () =>
        applyUpdate({ _id: 1, a: [1] }, compileUpdate({ $set: { 'a.$[x]': 1 } }), {
          arrayFilters: [JSON.parse('{"x": 1, "x.__proto__": 1}')],
        }),
    ],
  ]
  for (const [where, attempt] of cases) {
    it(`in the ${where}`, () => {
      expect(attempt).toThrow(UnsafeInputError)
      expect(attempt).toThrow(code('UNSAFE_KEY'))
      expect(({} as Record<string, unknown>).x).toBeUndefined()
    })
  }
})

describe('size and depth', () => {
  it('rejects a 10,000-deep value with a coded error, not a stack overflow', () => {
    expect(() => compileUpdate({ $set: { a: deepValue(10_000) } })).toThrow(
      code('DOCUMENT_TOO_DEEP')
    )
    expect(() => compileUpdate({ $push: { a: deepValue(10_000) } })).toThrow(
      code('DOCUMENT_TOO_DEEP')
    )
  })

  it('accepts 100 levels', () => {
    expect(() => compileUpdate({ $set: { a: deepValue(98) } })).not.toThrow()
  })

  it('writes a 10 MB value', () => {
    const big = 'x'.repeat(10 * 1024 * 1024)
    const { doc } = applyUpdate({ _id: 1 }, compileUpdate({ $set: { big } }))
    expect((doc.big as string).length).toBe(big.length)
  })

  it('refuses to pad an array to an absurd index', () => {
    expect(() =>
      applyUpdate({ _id: 1, a: [] }, compileUpdate({ $set: { 'a.99999999': 1 } }))
    ).toThrow(code('BAD_UPDATE'))
  })
})

describe('atomicity', () => {
  it('leaves the document untouched when a later path fails', () => {
    const input: StoredDoc = { _id: 1, a: { b: 1 }, list: [1, 2], s: 'x', z: 0 }
    const snapshot = structuredClone(input)
    const update = compileUpdate({
      $set: { 'a.b': 2, 'a.c': 3 },
      $push: { list: 3 },
      $inc: { z: 1, s: 1 },
    })
    expect(() => applyUpdate(input, update)).toThrow(QueryError)
    expect(input).toEqual(snapshot)
  })
})
