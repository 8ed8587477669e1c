/** insertMany with `lean: true`: no documents built or validated, but values cast and defaults filled. */
import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
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
})
