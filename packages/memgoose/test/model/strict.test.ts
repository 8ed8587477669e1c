import { describe, expect, it } from 'vitest'
import { Schema, StrictModeError } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('strict', () => {
  it('strict (default) drops unknown paths on construction, set and update', async () => {
    const M = ctx.db.model('S', new Schema({ name: String }))
    const doc = new M({ name: 'a', extra: 1 })
    doc.set('other', 2)
    await doc.save()
    await M.updateOne({ _id: doc._id }, { $set: { third: 3 } })
    const raw = await M.findById(doc._id).lean()
    expect(Object.keys(raw!).sort()).toEqual(['__v', '_id', 'name'])
    expect(doc.get('extra')).toBeUndefined()
  })

  it('strict: false keeps unknown paths', async () => {
    const M = ctx.db.model('S', new Schema({ name: String }, { strict: false }))
    const doc = await M.create({ name: 'a', extra: { deep: 1 } })
    doc.set('more', 'yes')
    await doc.save()
    await M.updateOne({ _id: doc._id }, { $set: { third: 3 } })
    const raw = await M.findById(doc._id).lean()
    expect(raw).toMatchObject({ extra: { deep: 1 }, more: 'yes', third: 3 })
    expect(doc.get('extra')).toEqual({ deep: 1 })
  })

  it("strict: 'throw' throws StrictModeError for unknown paths", async () => {
    const M = ctx.db.model('S', new Schema({ name: String }, { strict: 'throw' }))
    expect(() => new M({ name: 'a', extra: 1 })).toThrow(
      expect.objectContaining({ name: 'StrictModeError' })
    )
    const doc = new M({ name: 'a' })
    expect(() => doc.set('extra', 1)).toThrow(StrictModeError)
    await doc.save()
    await expect(M.updateOne({}, { $set: { nope: 1 } })).rejects.toMatchObject({
      name: 'StrictModeError',
    })
  })

  it('the strict option of a query overrides the schema', async () => {
    const M = ctx.db.model('S', new Schema({ name: String }))
    const doc = await M.create({ name: 'a' })
    await M.updateOne({ _id: doc._id }, { $set: { extra: 1 } }, { strict: false })
    expect((await M.findById(doc._id).lean())!.extra).toBe(1)
  })

  it('strictQuery: false (default) keeps unknown filter paths; true drops them', async () => {
    const Loose = ctx.db.model('L', new Schema({ name: String }, { strict: false }))
    await Loose.create({ name: 'a', extra: 1 })
    expect(await Loose.countDocuments({ extra: 2 })).toBe(0)
    const Strict = ctx.db.model('Q', new Schema({ name: String }, { strictQuery: true }))
    await Strict.create({ name: 'b' })
    expect(await Strict.countDocuments({ notInSchema: 2 })).toBe(1)
    const Throwing = ctx.db.model('QT', new Schema({ name: String }, { strictQuery: 'throw' }))
    await expect(Throwing.find({ notInSchema: 1 })).rejects.toMatchObject({
      name: 'StrictModeError',
    })
  })
})

describe('select: false, alias and immutable', () => {
  it('select: false hides a path unless selected with +path', async () => {
    const M = ctx.db.model(
      'U',
      new Schema({ name: String, password: { type: String, select: false } })
    )
    await M.create({ name: 'a', password: 'secret' })
    expect((await M.findOne())!.password).toBeUndefined()
    expect(await M.findOne().lean()).not.toHaveProperty('password')
    expect((await M.findOne().select('+password'))!.password).toBe('secret')
    expect((await M.findOne().select('name'))!.password).toBeUndefined()
  })

  it('saving a document loaded without a select:false path keeps the stored value', async () => {
    const M = ctx.db.model(
      'U',
      new Schema({ name: String, password: { type: String, select: false } })
    )
    const created = await M.create({ name: 'a', password: 'secret' })
    const doc = await M.findById(created._id)
    doc.name = 'b'
    await doc.save()
    expect((await M.findById(created._id).select('+password').lean())!.password).toBe('secret')
  })

  it('alias reads and writes the real path', async () => {
    const M = ctx.db.model('A', new Schema({ n: { type: String, alias: 'name' } }))
    const doc = new M({ name: 'x' })
    expect(doc.n).toBe('x')
    expect(doc.name).toBe('x')
    doc.name = 'y'
    expect(doc.get('n')).toBe('y')
    await doc.save()
    expect(await M.findById(doc._id).lean()).toMatchObject({ n: 'y' })
    expect(doc.toObject({ virtuals: true }).name).toBe('y')
  })

  it('immutable paths keep their value after the first save, also against updates', async () => {
    const M = ctx.db.model('I', new Schema({ code: { type: String, immutable: true }, n: Number }))
    const doc = new M({ code: 'a' })
    doc.code = 'b'
    expect(doc.code).toBe('b')
    await doc.save()
    doc.code = 'c'
    expect(doc.code).toBe('b')
    await M.updateOne({ _id: doc._id }, { $set: { code: 'z', n: 1 } })
    expect(await M.findById(doc._id).lean()).toMatchObject({ code: 'b', n: 1 })
  })
})
