/**
 * ShapeCaster compiles a cast per input shape. These tests hold every compiled cast to the generic
 * one (castObjectInto, as a lean insertMany runs it), show the compiled path is really taken, and
 * show what it refuses falls back to the generic walk.
 */
import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { CastError } from '../../src/errors/index.js'
import { applyDefaults, castObjectInto } from '../../src/schema/cast-object.js'
import { Schema } from '../../src/schema/schema.js'
import { ShapeCaster } from '../../src/schema/shape-cast.js'
import { ObjectId } from '../../src/values/bson.js'
import { createRandom } from '../../src/testing/random.js'

const userSchema = () =>
  new Schema({
    name: String,
    email: { type: String, lowercase: true },
    age: Number,
    active: Boolean,
    tags: [String],
    createdAt: Date,
    owner: { type: Schema.Types.ObjectId },
    profile: { bio: String, score: Number, links: { site: String } },
    label: { type: String, default: 'none' },
  })

/** The generic cast, as leanCandidates runs it (with its version key stamp). */
function generic(schema: Schema, input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { _id: undefined }
  castObjectInto(schema, input, out, { applyDefaults: true })
  if (out.__v === undefined) out.__v = 0
  return out
}

/** The compiled cast plus defaults and stamp, or undefined when the caster refused the input. */
function compiled(
  caster: ShapeCaster,
  schema: Schema,
  input: Record<string, unknown>
): Record<string, unknown> | undefined {
  const out = caster.cast(input)
  if (out === undefined) return undefined
  applyDefaults(schema, out, { applyDefaults: true })
  if (out.__v === undefined) out.__v = 0
  return out
}

/** Both casts with `_id`s made comparable (a default `_id` is a fresh ObjectId each time). */
function expectSame(a: Record<string, unknown>, b: Record<string, unknown>, input: unknown): void {
  const strip = (o: Record<string, unknown>) => ({
    ...o,
    _id: o._id instanceof ObjectId ? 'id' : o._id,
  })
  expect(Object.keys(a), JSON.stringify(input)).toEqual(Object.keys(b))
  expect(strip(a), JSON.stringify(input)).toEqual(strip(b))
}

describe('ShapeCaster', () => {
  it('casts random inputs of many shapes exactly as the generic walk does', () => {
    const random = createRandom(7)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
    const schema = userSchema()
    // The version key is added after the cast: the compiled output keeps a place for it.
    const caster = new ShapeCaster(schema, true, ['__v'])
    const values: Record<string, readonly unknown[]> = {
      _id: [new ObjectId(), '65a1b2c3d4e5f60718293a4b'],
      name: ['Ada', 42, true],
      email: ['ADA@EXAMPLE.COM', 'x@y'],
      age: [30, '41', 0, -1.5],
      active: [true, 'false', 1],
      tags: [['a', 'b'], [], 'solo', [1, 2]],
      createdAt: [new Date(0), '2024-05-06', 1_700_000_000_000],
      owner: [new ObjectId(), '65a1b2c3d4e5f60718293a4c'],
      label: ['set'],
    }
    const nestedShapes = [
      () => ({ bio: pick(['hi', 7]), score: pick([1, '2.5']) }),
      () => ({ score: 3, bio: 'reordered' }),
      () => ({ links: { site: 'https://a.example' }, bio: 'deep' }),
    ]
    let taken = 0
    for (let i = 0; i < 600; i++) {
      // A few key orders, each repeated: streams of one shape with switches between them.
      const order = Object.keys(values).filter((_, k) => (i >> 5) % 2 !== k % 2 || k < 3)
      if ((i >> 6) % 2 === 1) order.reverse()
      const input: Record<string, unknown> = {}
      for (const key of order) input[key] = pick(values[key])
      if (i % 4 !== 0) input.profile = pick(nestedShapes)()
      const fast = compiled(caster, schema, input)
      if (fast !== undefined) taken++
      expectSame(fast ?? generic(schema, input), generic(schema, input), input)
    }
    // Every input here has a compilable shape (12 of them): the compiled path ran for all.
    expect(taken).toBe(600)
  })

  it('compiles at most 16 shapes per schema; inputs of further shapes take the generic walk', () => {
    const keys = [...'abcdefghijklmnopq']
    const schema = new Schema(Object.fromEntries(keys.map((k) => [k, Number])))
    const caster = new ShapeCaster(schema, false)
    const shapes = keys.map((key) => ({ [key]: 1 }))
    expect(shapes.slice(0, 16).every((input) => caster.cast(input) !== undefined)).toBe(true)
    expect(caster.cast(shapes[16])).toBeUndefined()
    // Shapes already compiled keep working.
    expect(caster.cast({ a: '2' })).toEqual({ a: 2 })
  })

  it('refuses inputs it cannot be sure of, which the generic walk then casts', () => {
    const schema = userSchema()
    schema.add({ nick: { type: String, alias: 'nickname' } })
    const caster = new ShapeCaster(schema, true)
    const refused: Record<string, unknown>[] = [
      { name: 'a', unknown: 1 },
      { name: 'a', age: undefined },
      { name: 'a', profile: null },
      { name: 'a', profile: 'not an object' },
      { name: 'a', nickname: 'alias' },
      { 'profile.bio': 'dotted' },
      Object.assign(Object.create({ inherited: 1 }), { name: 'a' }),
    ]
    for (const input of refused) {
      expect(caster.cast(input), JSON.stringify(input)).toBeUndefined()
    }
    expect(caster.cast({ name: 'a' })).toEqual({ _id: undefined, name: 'a' })
  })

  it('throws the cast error the generic walk throws, for the same first bad value', () => {
    const schema = userSchema()
    const caster = new ShapeCaster(schema, true)
    caster.cast({ name: 'a', age: 1, createdAt: new Date() })
    const bad = { name: 'a', age: 'not a number', createdAt: 'not a date' }
    const fast = (() => {
      try {
        caster.cast(bad)
      } catch (err) {
        return err
      }
    })()
    const slow = (() => {
      try {
        generic(schema, bad)
      } catch (err) {
        return err
      }
    })()
    expect(fast).toBeInstanceOf(CastError)
    expect(fast).toMatchObject({ path: (slow as CastError).path, kind: (slow as CastError).kind })
  })

  it('applies setters added after a shape was compiled', () => {
    const schema = userSchema()
    const caster = new ShapeCaster(schema, true)
    expect(caster.cast({ name: 'ada' })).toEqual({ _id: undefined, name: 'ada' })
    schema.path('name')?.set((v: unknown) => String(v).toUpperCase())
    expect(caster.cast({ name: 'ada' })).toEqual({ _id: undefined, name: 'ADA' })
  })

  it('handles any property name safely: names reach the generated code only as string literals', () => {
    const names = ['we"ird', "it's", 'back\\slash', 'line\u2028sep', '${x}', '`tick`', '\n']
    const schema = new Schema(Object.fromEntries(names.map((n) => [n, String])), { _id: false })
    const caster = new ShapeCaster(schema, false)
    const input = Object.fromEntries(names.map((n, i) => [n, `v${i}`]))
    const out = caster.cast(input)
    expect(out).toEqual(input)
    expect(Object.keys(out ?? {})).toEqual(names)
  })

  it('keeps places for missing defaults and trailing keys, after the input keys', () => {
    const schema = userSchema()
    const out = new ShapeCaster(schema, true, ['createdAt', '__v']).cast({ name: 'a' })
    // `tags` (an array: default []) and `label` are defaulted; `createdAt` is stamped later.
    expect(Object.keys(out ?? {})).toEqual(['_id', 'name', 'tags', 'label', 'createdAt', '__v'])
    expect(Object.values(out ?? {}).filter((v) => v !== undefined)).toEqual(['a'])
  })

  it('puts _id first only when asked, wherever the input has it', () => {
    const schema = userSchema()
    const id = new ObjectId()
    const first = new ShapeCaster(schema, true).cast({ name: 'a', _id: id })
    expect(Object.keys(first ?? {}).slice(0, 2)).toEqual(['_id', 'name'])
    expect(first?._id).toBe(id)
  })

  it('falls back to generic casting where code generation is disallowed', () => {
    // A child process: the V8 flag cannot be turned on inside this one.
    const script = `
      const { Schema } = await import(${JSON.stringify(srcUrl('schema/schema.ts'))})
      const { ShapeCaster } = await import(${JSON.stringify(srcUrl('schema/shape-cast.ts'))})
      const caster = new ShapeCaster(new Schema({ name: String }), false)
      console.log(JSON.stringify([caster.cast({ name: 'a' }) ?? null, caster.cast({ name: 'b' }) ?? null]))
    `
    const out = execFileSync(
      process.execPath,
      [
        '--disallow-code-generation-from-strings',
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        script,
      ],
      { encoding: 'utf8' }
    )
    expect(JSON.parse(out.trim())).toEqual([null, null])
  })
})

function srcUrl(path: string): string {
  return new URL(`../../src/${path}`, import.meta.url).href
}
