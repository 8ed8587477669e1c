import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function setup(options: Record<string, unknown> = {}) {
  const calls: string[] = []
  const base = new Schema(
    { at: { type: Date, default: () => new Date() }, user: { type: String, index: true } },
    options
  )
  base.method('describe', function (this: any) {
    return `${this.user} did something`
  })
  base.virtual('upperUser').get(function (this: any) {
    return this.user?.toUpperCase()
  })
  base.pre('save', function (this: any) {
    calls.push(`save ${this.constructor.modelName}`)
  })
  const Event = ctx.db.model('Event', base)
  const Click = Event.discriminator('Click', new Schema({ url: { type: String, required: true } }))
  const Buy = Event.discriminator('Buy', new Schema({ amount: Number }), 'purchase')
  return { Event, Click, Buy, calls }
}

describe('discriminators', () => {
  it('stores the key, shares the collection, and base queries see every kind as the right class', async () => {
    const { Event, Click, Buy } = setup()
    await Click.create({ user: 'a', url: '/x' })
    await Buy.create({ user: 'b', amount: '5' })
    await Event.create({ user: 'c' })
    const all = await Event.find().sort({ user: 1 })
    expect(all).toHaveLength(3)
    expect(all[0]).toBeInstanceOf(Click)
    expect(all[0].url).toBe('/x')
    expect(all[1]).toBeInstanceOf(Buy)
    expect(all[1].amount).toBe(5)
    expect(all[2]).toBeInstanceOf(Event)
    const raw = await Event.find().sort({ user: 1 }).lean()
    expect(raw.map((d: any) => d.__t)).toEqual(['Click', 'purchase', undefined])
    expect(Event.discriminators.Click).toBe(Click)
  })

  it('every operation on a discriminator model filters by the key', async () => {
    const { Event, Click, Buy } = setup()
    await Click.create([
      { user: 'a', url: '/1' },
      { user: 'b', url: '/2' },
    ])
    await Buy.create([{ user: 'a', amount: 1 }])
    expect(await Click.countDocuments()).toBe(2)
    expect(await Click.find({ user: 'a' })).toHaveLength(1)
    expect((await Click.findOne({ user: 'a' }))!.url).toBe('/1')
    expect(await Click.distinct('user')).toEqual(expect.arrayContaining(['a', 'b']))
    expect((await Click.updateMany({}, { $set: { user: 'z' } })).modifiedCount).toBe(2)
    expect((await Buy.findOne())!.user).toBe('a')
    expect(await Buy.findOneAndUpdate({ user: 'z' }, { amount: 9 })).toBeNull()
    expect((await Buy.deleteMany({})).deletedCount).toBe(1)
    expect(await Event.countDocuments()).toBe(2)
    expect(await Click.findOneAndDelete({ user: 'z' })).toBeTruthy()
    expect((await Click.deleteOne({})).deletedCount).toBe(1)
    expect(await Event.countDocuments()).toBe(0)
  })

  it('upserts through a discriminator set the key', async () => {
    const { Event, Click } = setup()
    await Click.updateOne({ user: 'u' }, { url: '/u' }, { upsert: true })
    const raw = await Event.findOne({ user: 'u' }).lean()
    expect(raw!.__t).toBe('Click')
  })

  it('children inherit paths, hooks, virtuals, methods and indexes', async () => {
    const { Click, calls } = setup()
    const c = await Click.create({ user: 'ann', url: '/' })
    expect(c.at).toBeInstanceOf(Date)
    expect(c.describe()).toBe('ann did something')
    expect(c.upperUser).toBe('ANN')
    expect(calls).toEqual(['save Click'])
    expect(Click.schema.indexes().some(([k]: any) => 'user' in k)).toBe(true)
    await expect(Click.create({ user: 'x' })).rejects.toMatchObject({ name: 'ValidationError' })
  })

  it('discriminatorKey option', async () => {
    const { Event, Click } = setup({ discriminatorKey: 'kind' })
    await Click.create({ user: 'a', url: '/' })
    expect((await Event.findOne().lean())!.kind).toBe('Click')
    expect(await Event.findOne()).toBeInstanceOf(Click)
  })

  it('embedded discriminators in document arrays and single nested paths', async () => {
    const shape = new Schema({ name: String }, { discriminatorKey: 'kind', _id: false })
    const drawing = new Schema({ shapes: [shape], main: shape })
    drawing.path('shapes')!.discriminator('Circle', new Schema({ radius: Number }, { _id: false }))
    drawing.path('shapes')!.discriminator('Square', new Schema({ side: Number }, { _id: false }))
    drawing.path('main')!.discriminator('Circle', new Schema({ radius: Number }, { _id: false }))
    const Drawing = ctx.db.model('Drawing', drawing)
    const d = await Drawing.create({
      shapes: [
        { kind: 'Circle', name: 'c', radius: '3' },
        { kind: 'Square', name: 's', side: 2, radius: 9 },
      ],
      main: { kind: 'Circle', radius: 1 },
    })
    const raw = await Drawing.findById(d._id).lean()
    expect(raw!.shapes).toEqual([
      { kind: 'Circle', name: 'c', radius: 3 },
      { kind: 'Square', name: 's', side: 2 },
    ])
    expect(raw!.main).toEqual({ kind: 'Circle', radius: 1 })
    expect(await Drawing.countDocuments({ 'shapes.radius': '3' })).toBe(1)
    expect(await Drawing.countDocuments({ 'main.radius': '1' })).toBe(1)
  })
})
