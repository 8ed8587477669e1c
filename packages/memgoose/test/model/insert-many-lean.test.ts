/** insertMany with `lean: true`: no documents built or validated, but values cast and defaults filled. */
import { describe, expect, it } from 'vitest'
import { Schema, Types } from 'memgoose'
import { INSERT_BATCH } from '../../src/model/insert-many.js'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function model() {
  return ctx.db.model(
    'Row',
    new Schema(
      {
        email: { type: String, unique: true },
        age: Number,
        at: Date,
        status: { type: String, default: 'new' },
      },
      { timestamps: true }
    )
  )
}

describe('insertMany({ lean: true })', () => {
  it('stores cast values with defaults, _id first, and returns plain objects', async () => {
    const Row = model()
    const out = await Row.insertMany([{ email: 'a@x', age: '42', at: '2024-01-02' }], {
      lean: true,
    })
    expect(out[0]).not.toHaveProperty('$__')
    const stored = await Row.findOne({ email: 'a@x' }).lean()
    expect(Object.keys(stored)[0]).toBe('_id')
    expect(stored).toMatchObject({ age: 42, at: new Date('2024-01-02'), status: 'new', __v: 0 })
    expect(stored.createdAt).toBeInstanceOf(Date)
    // The returned objects are the caller's: changing them changes nothing stored.
    out[0].age = 1
    expect((await Row.findOne({ email: 'a@x' }).lean()).age).toBe(42)
  })

  it('skips validation but still rejects an uncastable value', async () => {
    const Row = ctx.db.model('Strict', new Schema({ n: { type: Number, min: 10 } }))
    await Row.insertMany([{ n: 1 }], { lean: true })
    expect(await Row.countDocuments({ n: 1 })).toBe(1)
    await expect(Row.insertMany([{ n: 'not a number' }], { lean: true })).rejects.toMatchObject({
      name: 'CastError',
    })
  })

  it('keeps unordered semantics on duplicate keys', async () => {
    const Row = model()
    const err = await Row.insertMany([{ email: 'a@x' }, { email: 'a@x' }, { email: 'b@x' }], {
      lean: true,
      ordered: false,
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 11000, writeErrors: [expect.objectContaining({ index: 1 })] })
    expect(await Row.countDocuments()).toBe(2)
  })

  it('inserts a few hundred thousand documents in one call', async () => {
    const Tiny = ctx.db.model('Tiny', new Schema({ n: Number }, { versionKey: false }))
    const docs = Array.from({ length: 300_000 }, (_, n) => ({ n }))
    const out = await Tiny.insertMany(docs, { lean: true })
    expect(out).toHaveLength(300_000)
    expect(await Tiny.countDocuments({ n: { $gte: 299_990 } })).toBe(10)
  })
  it("returns the caller's objects with the _id they were stored under, as mongoose does", async () => {
    const Row = model()
    const given = { _id: '65a1b2c3d4e5f60718293a4b', email: 'b@x', age: '7' }
    const fresh = { email: 'c@x', age: 8 }
    const frozen = Object.freeze({ email: 'd@x' })
    const out = await Row.insertMany([given, fresh, frozen], { lean: true })
    expect(out[0]).toBe(given)
    expect(out[1]).toBe(fresh)
    expect(out[2]).toBe(frozen)
    // The caller's values stay as given (mongoose's lean path casts nothing it returns).
    expect(given).toEqual({ _id: '65a1b2c3d4e5f60718293a4b', email: 'b@x', age: '7' })
    const stored = await Row.find().sort({ email: 1 }).lean()
    expect(String(stored[0]._id)).toBe(given._id)
    expect(stored[0].age).toBe(7)
    expect(String((fresh as { _id?: unknown })._id)).toBe(String(stored[1]._id))
    expect(frozen).not.toHaveProperty('_id')
    expect(stored[2].email).toBe('d@x')
  })

  it('keeps nothing of the caller in the store', async () => {
    const Row = ctx.db.model(
      'Shape',
      new Schema({ tags: [String], at: Date, profile: { bio: String } })
    )
    const input = { tags: ['a'], at: new Date(5), profile: { bio: 'x' } }
    await Row.insertMany([input], { lean: true })
    input.tags.push('b')
    input.at.setTime(6)
    input.profile.bio = 'y'
    expect(await Row.findOne().select('-_id -__v').lean()).toEqual({
      tags: ['a'],
      at: new Date(5),
      profile: { bio: 'x' },
    })
  })

  it('stores the same documents whether the cast values are kept as they are or copied', async () => {
    const definition = {
      name: { type: String, set: (v: string) => (v === 'drop' ? undefined : v) },
      n: Number,
      tags: [String],
      at: { type: Date, default: () => new Date(0) },
      nested: { a: Number, b: { c: [Number] } },
    }
    // A free-form path the documents never use makes the second model copy what it stores.
    const Direct = ctx.db.model('Direct', new Schema(definition, { timestamps: true }))
    const Copied = ctx.db.model(
      'Copied',
      new Schema({ ...definition, free: Schema.Types.Mixed }, { timestamps: true })
    )
    const id = (i: number) => new Types.ObjectId(String(i).padStart(24, '0'))
    const docs = () => [
      { _id: id(0), name: 'a', n: '1', tags: ['x', 2], nested: { a: '3' } },
      {
        _id: id(1),
        tags: ['x', undefined],
        nested: { b: { c: [1, undefined] } },
      },
      { _id: id(2), name: 'drop', n: 2 },
      { nested: null, _id: id(3), 'nested.a': 4 },
      { _id: id(4), n: undefined, at: '2024-05-06', extra: 'ignored' },
    ]
    await Direct.insertMany(docs(), { lean: true })
    await Copied.insertMany(docs(), { lean: true })
    const direct = await Direct.find().sort({ _id: 1 }).lean()
    const copied = await Copied.find().sort({ _id: 1 }).lean()
    const strip = (d: Record<string, unknown>) => {
      const { createdAt: _c, updatedAt: _u, ...rest } = d
      return rest
    }
    expect(direct.map(strip)).toStrictEqual(copied.map(strip))
    expect(direct.map((d) => Object.keys(d))).toEqual(copied.map((d) => Object.keys(d)))
    expect(direct[1].tags).toEqual(['x', null])
    expect(direct[2]).not.toHaveProperty('name')
  })

  describe('more documents than one engine write holds', () => {
    const rows = (n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => ({ email: `r${from + i}@x`, age: i % 90 }))

    it('writes every batch', async () => {
      const Row = model()
      await Row.init()
      const out = await Row.insertMany(rows(INSERT_BATCH + 10), { lean: true })
      expect(out).toHaveLength(INSERT_BATCH + 10)
      expect(await Row.countDocuments()).toBe(INSERT_BATCH + 10)
    })

    it('ordered: stops at a duplicate in a later batch, keeping everything before it', async () => {
      const Row = model()
      await Row.init()
      const input = rows(INSERT_BATCH + 20)
      const at = INSERT_BATCH + 7
      input[at].email = input[3].email
      const err: any = await Row.insertMany(input, { lean: true }).catch((e: unknown) => e)
      expect(err.writeErrors.map((w: any) => w.index)).toEqual([at])
      expect(err.writeErrors[0].err.index).toBe(at)
      expect(await Row.countDocuments()).toBe(at)
      expect(await Row.exists({ email: input[at + 1].email })).toBeNull()
    })

    it('unordered: reports duplicates of every batch at their input positions', async () => {
      const Row = model()
      await Row.init()
      const input = rows(INSERT_BATCH + 20)
      input[5].email = input[1].email
      input[INSERT_BATCH + 2].email = input[2].email
      const err: any = await Row.insertMany(input, { lean: true, ordered: false }).catch(
        (e: unknown) => e
      )
      expect(err.writeErrors.map((w: any) => w.index)).toEqual([5, INSERT_BATCH + 2])
      expect(await Row.countDocuments()).toBe(input.length - 2)
    })
  })
})
