import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function shopModel() {
  const item = new Schema({
    name: String,
    price: { type: Number, get: (cents: number) => (cents === undefined ? cents : cents / 100) },
  })
  const meta = new Schema({ code: { type: String, get: (v: string) => v && v.toUpperCase() } })
  return ctx.db.model('Shop', new Schema({ items: [item], meta }))
}

describe('getters on subdocument paths', () => {
  it('apply when reading through an array subdocument and a single nested one', async () => {
    const Shop = shopModel()
    const shop = await Shop.create({ items: [{ name: 'pen', price: 250 }], meta: { code: 'ab' } })
    const loaded = await Shop.findById(shop._id)
    expect(loaded.items[0].price).toBe(2.5)
    expect(loaded.items[0].get('price')).toBe(2.5)
    expect(loaded.meta.code).toBe('AB')
    expect(loaded.get('items.0.price')).toBe(2.5)
  })

  it('are not applied to what is stored or to the plain toObject()', async () => {
    const Shop = shopModel()
    const shop = await Shop.create({ items: [{ name: 'pen', price: 250 }], meta: { code: 'ab' } })
    void shop.items[0].price
    void shop.meta.code
    shop.items[0].name = 'ink'
    await shop.save()
    const raw = await Shop.findById(shop._id).lean()
    expect(raw!.items[0].price).toBe(250)
    expect(raw!.meta.code).toBe('ab')
    expect(shop.toObject().items[0].price).toBe(250)
    expect(shop.items[0].toObject().price).toBe(250)
  })

  it('apply in toObject({ getters: true }) of the parent and of the subdocument', () => {
    const Shop = shopModel()
    const shop = new Shop({ items: [{ name: 'pen', price: 250 }], meta: { code: 'ab' } })
    const out = shop.toObject({ getters: true })
    expect(out.items[0].price).toBe(2.5)
    expect(out.meta.code).toBe('AB')
    expect(shop.items[0].toObject({ getters: true }).price).toBe(2.5)
    expect(shop.toJSON({ getters: true }).items[0].price).toBe(2.5)
  })
})

describe('setters on subdocument paths', () => {
  it('run once whether the value is assigned on the subdocument or set by path on the parent', () => {
    const item = new Schema({ q: { type: Number, set: (v: number) => v * 2 } })
    const Holder = ctx.db.model('Holder', new Schema({ items: [item], one: item }))
    const doc = new Holder({ items: [{ q: 1 }], one: { q: 1 } })
    expect([doc.items[0].q, doc.one.q]).toEqual([2, 2])
    doc.items[0].q = 2
    expect(doc.items[0].q).toBe(4)
    doc.set('items.0.q', 3)
    doc.set('one.q', 3)
    expect([doc.items[0].q, doc.one.q]).toEqual([6, 6])
    expect(doc.toObject().items[0].q).toBe(6)
  })
})
