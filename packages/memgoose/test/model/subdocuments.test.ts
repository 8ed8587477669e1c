import { describe, expect, it } from 'vitest'
import { Schema, ObjectId, ValidationError, CastError } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function orderModel() {
  const item = new Schema({
    sku: { type: String, required: true },
    qty: { type: Number, min: 1 },
    price: Number,
  })
  item.virtual('total').get(function (this: { qty: number; price: number }) {
    return this.qty * this.price
  })
  item.method('describe', function (this: { sku: string; qty: number }) {
    return `${this.qty} x ${this.sku}`
  })
  const address = new Schema({ street: String, city: String }, { _id: false })
  address.virtual('line').get(function (this: { street: string; city: string }) {
    return `${this.street}, ${this.city}`
  })
  return ctx.db.model('Order', new Schema({ items: [item], ship: address }))
}

describe('subdocuments', () => {
  it('array subdocuments have their own _id, methods and virtuals', async () => {
    const Order = orderModel()
    const order = await Order.create({ items: [{ sku: 'a', qty: 2, price: 5 }] })
    const loaded = await Order.findById(order._id)
    const item = loaded.items[0]
    expect(item._id).toBeInstanceOf(ObjectId)
    expect(item.id).toBe(item._id.toHexString())
    expect(item.total).toBe(10)
    expect(item.describe()).toBe('2 x a')
    expect(loaded.items.id(item._id)).toBe(item)
  })

  it('single nested subdocuments have their schema virtuals', () => {
    const Order = orderModel()
    const order = new Order({ ship: { street: 'Main 1', city: 'Oslo' } })
    expect(order.ship.line).toBe('Main 1, Oslo')
    expect(order.get('ship').city).toBe('Oslo')
  })

  it('assigning a subdocument path casts it and in-place changes are saved', async () => {
    const Order = orderModel()
    const order = await Order.create({
      items: [{ sku: 'a', qty: 1, price: 1 }],
      ship: { city: 'x' },
    })
    order.items[0].qty = '7'
    order.ship.city = 'Bergen'
    expect(order.items[0].qty).toBe(7)
    expect(order.isModified('items')).toBe(true)
    await order.save()
    const raw = await Order.findById(order._id).lean()
    expect(raw!.items[0].qty).toBe(7)
    expect(raw!.ship).toEqual({ city: 'Bergen' })
  })

  it('a bad assignment surfaces as a CastError at validation', () => {
    const Order = orderModel()
    const order = new Order({ items: [{ sku: 'a', qty: 1 }] })
    order.items[0].qty = 'many'
    const err = order.validateSync() as ValidationError
    expect(err.errors['items.0.qty']).toBeInstanceOf(CastError)
  })

  it('subdocument validators report full paths and run with the subdocument as `this`', async () => {
    const Order = orderModel()
    const err = await Order.create({ items: [{ sku: 'a', qty: 1 }, { qty: 0 }] }).catch(
      (e: unknown) => e
    )
    expect(Object.keys((err as ValidationError).errors).sort()).toEqual([
      'items.1.qty',
      'items.1.sku',
    ])
  })

  it('parent(), ownerDocument(), toObject() and deleteOne()', async () => {
    const Order = orderModel()
    const order = await Order.create({
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 2 },
      ],
    })
    const first = order.items[0]
    expect(first.parent()).toBe(order)
    expect(first.ownerDocument()).toBe(order)
    expect(Object.getPrototypeOf(first.toObject())).toBe(Object.prototype)
    expect(first.toObject()).toMatchObject({ sku: 'a', qty: 1 })
    first.deleteOne()
    await order.save()
    const raw = await Order.findById(order._id).lean()
    expect(raw!.items.map((i: any) => i.sku)).toEqual(['b'])
  })

  it('push builds subdocuments; create() builds one without adding it', async () => {
    const Order = orderModel()
    const order = new Order({})
    order.items.push({ sku: 'p', qty: '3', price: 2 })
    expect(order.items[0]._id).toBeInstanceOf(ObjectId)
    expect(order.items[0].total).toBe(6)
    const made = order.items.create({ sku: 'q' })
    expect(made._id).toBeInstanceOf(ObjectId)
    expect(order.items).toHaveLength(1)
  })

  it('toObject({ virtuals: true }) includes subdocument virtuals and ids', () => {
    const Order = orderModel()
    const order = new Order({
      items: [{ sku: 'a', qty: 2, price: 3 }],
      ship: { street: 's', city: 'c' },
    })
    const out = order.toObject({ virtuals: true })
    expect(out.items[0].total).toBe(6)
    expect(out.items[0].id).toBe(String(order.items[0]._id))
    expect(out.ship.line).toBe('s, c')
    expect(order.toObject().items[0]).not.toHaveProperty('total')
  })

  it('JSON.stringify of a document with subdocuments equals its toJSON()', async () => {
    const Order = orderModel()
    const order = await Order.create({ items: [{ sku: 'a', qty: 1 }], ship: { city: 'c' } })
    void order.items[0].total
    expect(JSON.stringify(order)).toBe(JSON.stringify(order.toJSON()))
  })

  it('doc.set() reaches into subdocuments and document arrays by dot path', async () => {
    const Order = orderModel()
    const order = await Order.create({ items: [{ sku: 'a', qty: 1 }], ship: { city: 'x' } })
    order.set('items.0.qty', '4')
    order.set('ship.city', 'Rome')
    await order.save()
    const raw = await Order.findById(order._id).lean()
    expect(raw!.items[0].qty).toBe(4)
    expect(raw!.ship.city).toBe('Rome')
  })
})
