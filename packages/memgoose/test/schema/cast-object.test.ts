/**
 * castObject walks a schema compiled per object level (one Map lookup per key). These tests hold it
 * to the plain per-path algorithm — look up `prefix + key` in the schema, recurse into nested paths,
 * apply the strict rules — written out below as the reference.
 */
import { describe, expect, it } from 'vitest'
import { castObject, StrictModeError } from '../../src/schema/cast-object.js'
import { Schema } from '../../src/schema/schema.js'
import { isPlainObject } from '../../src/values/bson.js'

function reference(
  schema: Schema,
  input: Record<string, unknown>,
  prefix = '',
  strict: boolean | 'throw' = schema.options.strict
): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(input)) {
    const value = input[key]
    if (value === undefined) continue
    if (key.includes('.') && prefix === '' && !schema.paths.has(key)) {
      const parts = key.split('.')
      let nested: Record<string, unknown> = { [parts[parts.length - 1]]: value }
      for (let i = parts.length - 2; i >= 0; i--) nested = { [parts[i]]: nested }
      merge(out, reference(schema, nested, '', strict))
      continue
    }
    const path = prefix + key
    const type = schema.paths.get(path) ?? schema.aliasTarget(path)
    if (type) out[type.path.slice(prefix.length)] = type.applySetters(value, undefined)
    else if (schema.nested.has(path))
      out[key] =
        value === null
          ? null
          : reference(schema, value as Record<string, unknown>, `${path}.`, strict)
    else if (strict === 'throw') throw new StrictModeError(path)
    else if (strict === false) out[key] = value
  }
  return out
}

function merge(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const key of Object.keys(source)) {
    if (isPlainObject(source[key]) && isPlainObject(target[key]))
      merge(target[key] as Record<string, unknown>, source[key] as Record<string, unknown>)
    else target[key] = source[key]
  }
}

function same(schema: Schema, input: Record<string, unknown>, strict?: boolean | 'throw') {
  const actual = castObject(schema, input, { strict })
  const expected = reference(schema, input, '', strict ?? schema.options.strict)
  expect(actual).toStrictEqual(expected)
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected))
}

const definition = {
  name: { type: String, alias: 'n' },
  age: Number,
  a: { b: { c: Number, d: [String] }, e: Date },
  'x.y': Number,
}

describe('castObject over compiled levels', () => {
  it('agrees with the per-path algorithm on nested, aliased, dotted and unknown keys', () => {
    const schema = new Schema(definition)
    const inputs: Record<string, unknown>[] = [
      { age: '5', name: 7, a: { e: '2024-01-01', b: { d: ['q', 1], c: '3' } } },
      { n: 'via alias', 'a.b.c': '9', a: { e: 0 } },
      { a: { b: { c: 1 } }, 'a.b.d': ['z'], x: { y: '4' } },
      { 'x.y': '2', a: null, unknown: 1, age: undefined },
      { a: { b: null, unknown: { deep: 1 } }, z: [1] },
    ]
    for (const input of inputs) {
      same(schema, input)
      same(schema, input, false)
    }
    expect(() => castObject(schema, { a: { b: { nope: 1 } } }, { strict: 'throw' })).toThrow(
      StrictModeError
    )
    expect(() => castObject(schema, { a: 5 })).toThrow(
      expect.objectContaining({ name: 'CastError' })
    )
  })

  it('rejects forbidden keys at every level', () => {
    const schema = new Schema(definition)
    for (const json of [
      '{"__proto__":{"x":1}}',
      '{"a":{"constructor":1}}',
      '{"a":{"b":{"prototype":1}}}',
    ]) {
      expect(() => castObject(schema, JSON.parse(json) as Record<string, unknown>)).toThrow(
        expect.objectContaining({ code: 'UNSAFE_KEY' })
      )
    }
  })

  it('sees paths added after a first cast', () => {
    const schema = new Schema({ a: Number })
    expect(castObject(schema, { a: '1', b: '2', c: { d: '3' } })).toEqual({ a: 1 })
    schema.add({ b: Number, c: { d: Number } })
    const out = castObject(schema, { a: '1', b: '2', c: { d: '3' } })
    expect(out).toStrictEqual({ a: 1, b: 2, c: { d: 3 } })
    same(schema, { c: { d: '4' }, 'c.d': '5' })
  })

  it("follows a sub-schema's paths added under a prefix", () => {
    const schema = new Schema({ top: String })
    schema.add(new Schema({ inner: Number }, { _id: false, versionKey: false }), 'sub.')
    for (const input of [{ sub: { inner: '1' } }, { 'sub.inner': '2' }, { top: 3, sub: null }])
      same(schema, input)
  })
})
