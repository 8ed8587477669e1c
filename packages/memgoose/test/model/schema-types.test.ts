import { describe, expect, it } from 'vitest'
import mongoose, { Schema, Decimal128, ObjectId, UUID } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('schema types', () => {
  it('accepts the shorthand, the { type } form and type names as strings', () => {
    const s = new Schema({
      a: String,
      b: { type: Number, required: true },
      c: 'Date',
      d: 'ObjectId',
    })
    expect(s.path('a')!.instance).toBe('String')
    expect(s.path('b')!.instance).toBe('Number')
    expect(s.path('c')!.instance).toBe('Date')
    expect(s.path('d')!.instance).toBe('ObjectId')
  })

  it('accepts Schema.Types.* and mongoose.Schema.Types.*', () => {
    const s = new Schema({
      id: Schema.Types.ObjectId,
      any: Schema.Types.Mixed,
      price: Schema.Types.Decimal128,
      key: Schema.Types.UUID,
      big: Schema.Types.BigInt,
      blob: mongoose.Schema.Types.Buffer,
      tags: [Schema.Types.String],
    })
    expect(s.path('id')!.instance).toBe('ObjectId')
    expect(s.path('any')!.instance).toBe('Mixed')
    expect(s.path('price')!.instance).toBe('Decimal128')
    expect(s.path('key')!.instance).toBe('UUID')
    expect(s.path('big')!.instance).toBe('BigInt')
    expect(s.path('blob')!.instance).toBe('Buffer')
    expect(s.path('tags')!.instance).toBe('Array')
  })

  it('rejects an unknown type with a message naming it', () => {
    expect(() => new Schema({ a: { type: 'Nope' } })).toThrow(/Nope/)
  })

  it('treats nested objects as nested paths and {} as Mixed', () => {
    const s = new Schema({ profile: { bio: String, age: Number }, extra: {} })
    expect(s.pathType('profile')).toBe('nested')
    expect(s.path('profile.bio')!.instance).toBe('String')
    expect(s.path('extra')!.instance).toBe('Mixed')
  })

  it('stores and reloads every primitive type with full fidelity', async () => {
    const M = ctx.db.model(
      'All',
      new Schema({
        s: String,
        n: Number,
        b: Boolean,
        d: Date,
        o: Schema.Types.ObjectId,
        buf: Buffer,
        mixed: Schema.Types.Mixed,
        dec: Schema.Types.Decimal128,
        u: Schema.Types.UUID,
        big: BigInt,
        list: [Number],
        m: { type: Map, of: Number },
      })
    )
    const oid = new ObjectId()
    const created = await M.create({
      s: 'x',
      n: 4.5,
      b: true,
      d: new Date('2024-01-02T03:04:05Z'),
      o: oid,
      buf: Buffer.from('hi'),
      mixed: { deep: [1, { a: 'b' }] },
      dec: '12.345',
      u: '0e4f2e1e-9d2c-4f51-9a0e-7b9d8f5a3c21',
      big: 1234567890123456789n,
      list: [1, 2],
      m: { a: 1, b: 2 },
    })
    const doc = await M.findById(created._id)
    expect(doc.s).toBe('x')
    expect(doc.n).toBe(4.5)
    expect(doc.b).toBe(true)
    expect(doc.d).toEqual(new Date('2024-01-02T03:04:05Z'))
    expect(doc.o).toBeInstanceOf(ObjectId)
    expect(doc.o.equals(oid)).toBe(true)
    expect(Buffer.isBuffer(doc.buf)).toBe(true)
    expect(doc.buf.toString()).toBe('hi')
    expect(doc.mixed).toEqual({ deep: [1, { a: 'b' }] })
    expect(doc.dec).toBeInstanceOf(Decimal128)
    expect(doc.dec.toString()).toBe('12.345')
    expect(doc.u).toBeInstanceOf(UUID)
    expect(doc.u.toHexString()).toBe('0e4f2e1e-9d2c-4f51-9a0e-7b9d8f5a3c21')
    expect(doc.big).toBe(1234567890123456789n)
    expect(doc.list).toEqual([1, 2])
    expect(doc.m).toBeInstanceOf(Map)
    expect(doc.m.get('b')).toBe(2)
  })

  it('uses the bson package classes, so values interoperate with the driver types', async () => {
    const bson = await import('bson')
    const M = ctx.db.model(
      'Bson',
      new Schema({ o: Schema.Types.ObjectId, dec: Schema.Types.Decimal128, u: Schema.Types.UUID })
    )
    const doc = new M({
      o: new bson.ObjectId(),
      dec: bson.Decimal128.fromString('1.5'),
      u: new bson.UUID(),
    })
    expect(doc.o).toBeInstanceOf(bson.ObjectId)
    expect(doc.dec).toBeInstanceOf(bson.Decimal128)
    expect(doc.u).toBeInstanceOf(bson.UUID)
    expect(mongoose.Types.ObjectId).toBe(bson.ObjectId)
  })

  it('Map paths: get/set, casting values with `of`, and flattening in toJSON', async () => {
    const M = ctx.db.model('Maps', new Schema({ scores: { type: Map, of: Number } }))
    const doc = new M({ scores: { math: '90' } })
    expect(doc.scores.get('math')).toBe(90)
    doc.scores.set('art', 70)
    doc.markModified('scores')
    await doc.save()
    const back = await M.findById(doc._id)
    expect(back.scores.get('art')).toBe(70)
    expect(back.toJSON().scores).toEqual({ math: 90, art: 70 })
    expect(back.toObject().scores).toBeInstanceOf(Map)
    expect(back.toObject({ flattenMaps: true }).scores).toEqual({ math: 90, art: 70 })
  })

  it('finds and counts by a Map value as by the document it is stored as', async () => {
    const M = ctx.db.model(
      'MapQuery',
      new Schema({ tag: String, attrs: { type: Map, of: String } })
    )
    await M.create([
      { tag: 'a', attrs: { k: 'x' } },
      { tag: 'b', attrs: { k: 'y' } },
    ])
    const found = await M.find({ attrs: new Map([['k', 'x']]) }).lean()
    expect(found.map((d) => d.tag)).toEqual(['a'])
    expect(await M.countDocuments({ attrs: { $in: [new Map([['k', 'y']])] } })).toBe(1)
  })

  it('rejects Map keys containing dots or starting with $', () => {
    const M = ctx.db.model('BadMap', new Schema({ m: { type: Map, of: String } }))
    const doc = new M({ m: { 'a.b': 'x' } })
    const err = doc.validateSync()
    expect(err?.errors.m).toBeDefined()
  })

  it('single nested subdocuments: nested Schema and { type: schema }', async () => {
    const Address = new Schema(
      { city: { type: String, required: true }, zip: String },
      { _id: false }
    )
    const M = ctx.db.model('Person', new Schema({ home: Address, work: { type: Address } }))
    const doc = await M.create({ home: { city: 'Oslo', zip: 1234 }, work: { city: 'Bergen' } })
    const back = await M.findById(doc._id).lean()
    expect(back!.home).toEqual({ city: 'Oslo', zip: '1234' })
    expect(back!.work).toEqual({ city: 'Bergen' })
  })

  it('arrays of subdocuments get their own _id', async () => {
    const M = ctx.db.model('Order', new Schema({ items: [{ sku: String, qty: Number }] }))
    const doc = await M.create({
      items: [
        { sku: 'a', qty: '2' },
        { sku: 'b', qty: 1 },
      ],
    })
    expect(doc.items[0]._id).toBeInstanceOf(ObjectId)
    expect(doc.items[0].qty).toBe(2)
    const back = await M.findById(doc._id).lean()
    expect(back!.items[1]._id).toBeInstanceOf(ObjectId)
    expect(String(back!.items[1]._id)).toBe(String(doc.items[1]._id))
  })

  it('{ type: [subSchema] } and [subSchema] with _id: false have no _id', async () => {
    const Item = new Schema({ sku: String }, { _id: false })
    const M = ctx.db.model(
      'Cart',
      new Schema({ a: [Item], b: { type: [Item], default: undefined } })
    )
    const doc = await M.create({ a: [{ sku: 'x' }], b: [{ sku: 'y' }] })
    const back = await M.findById(doc._id).lean()
    expect(back!.a).toEqual([{ sku: 'x' }])
    expect(back!.b).toEqual([{ sku: 'y' }])
  })

  it('document array items support id() lookup, push with casting and subdocument methods', async () => {
    const M = ctx.db.model('List', new Schema({ items: [{ name: String, n: Number }] }))
    const doc = await M.create({ items: [{ name: 'a', n: 1 }] })
    doc.items.push({ name: 'b', n: '2' })
    await doc.save()
    const back = await M.findById(doc._id)
    expect(back.items).toHaveLength(2)
    expect(back.items[1].n).toBe(2)
    const found = back.items.id(back.items[0]._id)
    expect(found.name).toBe('a')
  })

  it('arrays cast elements and default to []', () => {
    const M = ctx.db.model(
      'Arr',
      new Schema({ nums: [Number], dates: [Date], none: { type: [String], default: undefined } })
    )
    const doc = new M({ nums: ['1', 2], dates: ['2020-01-01'] })
    expect(doc.nums).toEqual([1, 2])
    expect(doc.dates[0]).toBeInstanceOf(Date)
    expect(new M({}).nums).toEqual([])
    expect(new M({}).none).toBeUndefined()
  })

  it('BigInt paths hold int64 values only, as MongoDB stores them', () => {
    const M = ctx.db.model('Big', new Schema({ big: BigInt }))
    expect(new M({ big: '42' }).big).toBe(42n)
    expect(new M({ big: 2n ** 64n }).validateSync()?.errors.big).toMatchObject({
      name: 'CastError',
      kind: 'BigInt',
    })
  })

  it('BigInt and Decimal128 query by value', async () => {
    const M = ctx.db.model('Num', new Schema({ big: BigInt, dec: Schema.Types.Decimal128 }))
    await M.create([
      { big: 5n, dec: '1.10' },
      { big: 50n, dec: '9.99' },
    ])
    expect(await M.countDocuments({ big: '50' })).toBe(1)
    expect((await M.findOne({ dec: '9.99' }))!.big).toBe(50n)
  })
})
