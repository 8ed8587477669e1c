import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('defaults', () => {
  it('fills values and function defaults (with the document as `this`) on new documents', () => {
    const M = ctx.db.model(
      'D',
      new Schema({
        status: { type: String, default: 'draft' },
        count: { type: Number, default: 0 },
        at: { type: Date, default: Date.now },
        slug: {
          type: String,
          default: function (this: { title: string }) {
            return this.title.toLowerCase()
          },
        },
        title: String,
        meta: { views: { type: Number, default: 1 } },
        tags: [String],
        nothing: { type: String, default: null },
      })
    )
    const doc = new M({ title: 'Hello' })
    expect(doc.status).toBe('draft')
    expect(doc.count).toBe(0)
    expect(doc.at).toBeInstanceOf(Date)
    expect(doc.slug).toBe('hello')
    expect(doc.meta.views).toBe(1)
    expect(doc.tags).toEqual([])
    expect(doc.nothing).toBeNull()
  })

  it('does not overwrite given values, including falsy ones', () => {
    const M = ctx.db.model(
      'D',
      new Schema({
        n: { type: Number, default: 5 },
        s: { type: String, default: 'x' },
        b: { type: Boolean, default: true },
      })
    )
    const doc = new M({ n: 0, s: '', b: false })
    expect([doc.n, doc.s, doc.b]).toEqual([0, '', false])
  })

  it('default values are cast to the path type', () => {
    const M = ctx.db.model('D', new Schema({ n: { type: Number, default: '7' } }))
    expect(new M({}).n).toBe(7)
  })

  it('array and object defaults are not shared between documents', () => {
    const M = ctx.db.model(
      'D',
      new Schema({
        list: { type: [Number], default: [1] },
        m: { type: Schema.Types.Mixed, default: () => ({}) },
      })
    )
    const a = new M({})
    const b = new M({})
    a.list.push(2)
    a.m.x = 1
    expect(b.list).toEqual([1])
    expect(b.m).toEqual({})
  })

  it('defaults are saved, and applied to loaded documents missing the path', async () => {
    const Old = ctx.db.model('Thing', new Schema({ name: String }, { collection: 'things' }))
    await Old.create({ name: 'legacy' })
    const New = ctx.db.model(
      'Thing2',
      new Schema({ name: String, level: { type: Number, default: 3 } }, { collection: 'things' })
    )
    const doc = await New.findOne({ name: 'legacy' })
    expect(doc.level).toBe(3)
    expect(doc.$isDefault('level')).toBe(true)
    const created = await New.create({ name: 'fresh' })
    expect((await New.findById(created._id).lean())!.level).toBe(3)
  })

  it('$isDefault tells defaulted paths from set ones', () => {
    const M = ctx.db.model(
      'D',
      new Schema({ a: { type: String, default: 'x' }, b: { type: String, default: 'y' } })
    )
    const doc = new M({ b: 'given' })
    expect(doc.$isDefault('a')).toBe(true)
    expect(doc.$isDefault('b')).toBe(false)
    doc.a = 'changed'
    expect(doc.$isDefault('a')).toBe(false)
  })

  it('upserts apply defaults (setDefaultsOnInsert is on by default)', async () => {
    const M = ctx.db.model('D', new Schema({ key: String, level: { type: Number, default: 1 } }))
    await M.updateOne({ key: 'k' }, { $set: { key: 'k' } }, { upsert: true })
    expect((await M.findOne({ key: 'k' }).lean())!.level).toBe(1)
    await M.updateOne(
      { key: 'j' },
      { $set: { key: 'j' } },
      { upsert: true, setDefaultsOnInsert: false }
    )
    expect((await M.findOne({ key: 'j' }).lean())!.level).toBeUndefined()
  })
})
