import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()
const tick = () => new Promise((r) => setTimeout(r, 5))

describe('timestamps', () => {
  it('create sets createdAt and updatedAt to the same time', async () => {
    const M = ctx.db.model('T', new Schema({ n: Number }, { timestamps: true }))
    const doc = await M.create({ n: 1 })
    expect(doc.createdAt).toBeInstanceOf(Date)
    expect(doc.updatedAt!.getTime()).toBe(doc.createdAt.getTime())
  })

  it('save of a modified document moves updatedAt only', async () => {
    const M = ctx.db.model('T', new Schema({ n: Number }, { timestamps: true }))
    const doc = await M.create({ n: 1 })
    const created = doc.createdAt.getTime()
    await tick()
    doc.n = 2
    await doc.save()
    expect(doc.createdAt.getTime()).toBe(created)
    expect(doc.updatedAt.getTime()).toBeGreaterThan(created)
    const back = await M.findById(doc._id).lean()
    expect(back!.updatedAt.getTime()).toBe(doc.updatedAt.getTime())
  })

  it('updates set updatedAt; upserts also set createdAt; `timestamps: false` skips', async () => {
    const M = ctx.db.model('T', new Schema({ k: String, n: Number }, { timestamps: true }))
    const doc = await M.create({ k: 'a', n: 1 })
    await tick()
    await M.updateOne({ k: 'a' }, { $inc: { n: 1 } })
    const after = await M.findById(doc._id).lean()
    expect(after!.updatedAt.getTime()).toBeGreaterThan(doc.updatedAt.getTime())
    expect(after!.createdAt.getTime()).toBe(doc.createdAt.getTime())
    await M.updateOne({ k: 'b' }, { $set: { n: 5 } }, { upsert: true })
    const up = await M.findOne({ k: 'b' }).lean()
    expect(up!.createdAt).toBeInstanceOf(Date)
    expect(up!.updatedAt).toBeInstanceOf(Date)
    await tick()
    await M.updateOne({ k: 'a' }, { $inc: { n: 1 } }, { timestamps: false })
    expect((await M.findById(doc._id).lean())!.updatedAt.getTime()).toBe(after!.updatedAt.getTime())
  })

  it('custom names and disabling one of them', async () => {
    const M = ctx.db.model(
      'T',
      new Schema({ n: Number }, { timestamps: { createdAt: 'created_at', updatedAt: false } })
    )
    const doc = await M.create({ n: 1 })
    const raw = await M.findById(doc._id).lean()
    expect(raw!.created_at).toBeInstanceOf(Date)
    expect(raw).not.toHaveProperty('updatedAt')
    expect(raw).not.toHaveProperty('createdAt')
  })

  it('createdAt cannot be changed by an update', async () => {
    const M = ctx.db.model('T', new Schema({ n: Number }, { timestamps: true }))
    const doc = await M.create({ n: 1 })
    await M.updateOne({ _id: doc._id }, { $set: { createdAt: new Date(0), n: 2 } })
    const raw = await M.findById(doc._id).lean()
    expect(raw!.createdAt.getTime()).toBe(doc.createdAt.getTime())
    expect(raw!.n).toBe(2)
  })

  it('insertMany and bulkWrite stamp documents', async () => {
    const M = ctx.db.model('T', new Schema({ n: Number }, { timestamps: true }))
    await M.insertMany([{ n: 1 }])
    await M.bulkWrite([{ insertOne: { document: { n: 2 } } }])
    const all = await M.find().lean()
    expect(all.every((d: any) => d.createdAt instanceof Date && d.updatedAt instanceof Date)).toBe(
      true
    )
  })

  it('saving an unmodified document does not touch updatedAt', async () => {
    const M = ctx.db.model('T', new Schema({ n: Number }, { timestamps: true }))
    const doc = await M.create({ n: 1 })
    const loaded = await M.findById(doc._id)
    await tick()
    await loaded.save()
    expect((await M.findById(doc._id).lean())!.updatedAt.getTime()).toBe(doc.updatedAt.getTime())
  })
})
