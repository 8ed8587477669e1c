import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('string transforms', () => {
  it('lowercase, uppercase and trim apply on construction, assignment and updates', async () => {
    const M = ctx.db.model(
      'T',
      new Schema({
        email: { type: String, lowercase: true, trim: true },
        code: { type: String, uppercase: true },
      })
    )
    const doc = new M({ email: '  A@B.COM ', code: 'ab' })
    expect(doc.email).toBe('a@b.com')
    expect(doc.code).toBe('AB')
    doc.code = 'xy'
    expect(doc.code).toBe('XY')
    await doc.save()
    await M.updateOne({ _id: doc._id }, { code: 'zz', email: ' Q@W.E' })
    const back = await M.findById(doc._id).lean()
    expect(back).toMatchObject({ code: 'ZZ', email: 'q@w.e' })
  })
})

describe('setters', () => {
  it('run on assignment with `this` = document and the prior value', () => {
    const calls: unknown[] = []
    const M = ctx.db.model(
      'S',
      new Schema({
        name: {
          type: String,
          set(this: unknown, v: string, prior: unknown) {
            calls.push([this === doc, prior])
            return v.trim()
          },
        },
      })
    )
    const doc: any = new M({})
    doc.name = ' a '
    doc.name = ' b '
    expect(doc.name).toBe('b')
    expect(calls).toEqual([
      [true, undefined],
      [true, 'a'],
    ])
  })

  it('run before casting, so they can turn any input into the stored form', () => {
    const M = ctx.db.model(
      'S',
      new Schema({ cents: { type: Number, set: (v: string) => Math.round(parseFloat(v) * 100) } })
    )
    expect(new M({ cents: '1.23' }).cents).toBe(123)
  })

  it('run on $set and findOneAndUpdate values', async () => {
    const M = ctx.db.model('S', new Schema({ tag: { type: String, set: (v: string) => `#${v}` } }))
    const doc = await M.create({ tag: 'a' })
    expect(doc.tag).toBe('#a')
    await M.updateOne({ _id: doc._id }, { $set: { tag: 'b' } })
    expect((await M.findById(doc._id).lean())!.tag).toBe('#b')
    const after = await M.findOneAndUpdate({ _id: doc._id }, { tag: 'c' }, { new: true })
    expect(after.tag).toBe('#c')
  })
})

describe('getters', () => {
  const schema = () =>
    new Schema(
      {
        price: {
          type: Number,
          get: (v: number) => (v === undefined ? v : `$${(v / 100).toFixed(2)}`),
        },
        secret: { type: String, get: (v: string) => (v ? '***' : v) },
      },
      { toJSON: { getters: true } }
    )

  it('apply when reading a path, not to the stored value', async () => {
    const M = ctx.db.model('G', schema())
    const doc = await M.create({ price: 1999, secret: 'pw' })
    expect(doc.price).toBe('$19.99')
    expect(doc.get('price')).toBe('$19.99')
    expect(doc.get('price', null, { getters: false })).toBe(1999)
    expect((await M.findById(doc._id).lean())!.price).toBe(1999)
  })

  it('toObject() leaves getters off unless asked; schema toJSON options turn them on for JSON', async () => {
    const M = ctx.db.model('G', schema())
    const doc = new M({ price: 500, secret: 'x' })
    expect(doc.toObject().price).toBe(500)
    expect(doc.toObject({ getters: true }).price).toBe('$5.00')
    expect(doc.toJSON().price).toBe('$5.00')
    expect(JSON.parse(JSON.stringify(doc)).secret).toBe('***')
  })

  it('getters on nested paths and array elements', () => {
    const M = ctx.db.model(
      'G',
      new Schema({ a: { b: { type: String, get: (v: string) => v?.toUpperCase() } } })
    )
    const doc = new M({ a: { b: 'x' } })
    expect(doc.get('a.b')).toBe('X')
    expect(doc.toObject({ getters: true }).a.b).toBe('X')
  })

  it('toObject({ getters: true }) applies virtual getters too, unless virtuals: false', () => {
    const schema = new Schema({ n: Number })
    schema.virtual('double').get(function (this: any) {
      return this.n * 2
    })
    const M = ctx.db.model('GV', schema)
    const doc = new M({ n: 2 })
    expect(doc.toObject({ getters: true }).double).toBe(4)
    expect(doc.toObject({ getters: true, virtuals: false })).not.toHaveProperty('double')
  })
})
