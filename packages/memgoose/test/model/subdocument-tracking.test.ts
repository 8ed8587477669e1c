import { describe, expect, it } from 'vitest'
import { Schema, ValidationError } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function orderModel() {
  const item = new Schema({
    sku: { type: String, required: true },
    qty: { type: Number, min: 1 },
    price: Number,
  })
  const address = new Schema({ street: String, city: { type: String, required: true } })
  return ctx.db.model('Order', new Schema({ items: [item], ship: address, note: String }))
}

async function savedOrder() {
  const Order = orderModel()
  const created = await Order.create({
    items: [
      { sku: 'a', qty: 1, price: 2 },
      { sku: 'b', qty: 3, price: 4 },
    ],
    ship: { street: 'Main 1', city: 'Oslo' },
  })
  return { Order, order: await Order.findById(created._id) }
}

describe('subdocument change tracking', () => {
  it('a change through an array subdocument shows up on the parent with its full path', async () => {
    const { order } = await savedOrder()
    expect(order.isModified()).toBe(false)
    order.items[1].qty = 5
    const paths = order.modifiedPaths()
    expect(paths).toContain('items')
    expect(paths).toContain('items.1')
    expect(paths).toContain('items.1.qty')
    expect(paths).not.toContain('items.0.qty')
    expect(order.isModified('items.1.qty')).toBe(true)
    expect(order.isModified('items.1.sku')).toBe(false)
  })

  it('subdocuments answer isModified() and modifiedPaths() for their own paths', async () => {
    const { order } = await savedOrder()
    const [first, second] = order.items
    second.price = 40
    expect(second.isModified()).toBe(true)
    expect(second.isModified('price')).toBe(true)
    expect(second.isModified('qty')).toBe(false)
    expect(second.modifiedPaths()).toEqual(['price'])
    expect(first.isModified()).toBe(false)
    expect(first.modifiedPaths()).toEqual([])
  })

  it('single nested subdocuments track their own paths too', async () => {
    const { order } = await savedOrder()
    order.ship.city = 'Bergen'
    expect(order.ship.isModified('city')).toBe(true)
    expect(order.ship.isModified('street')).toBe(false)
    expect(order.ship.modifiedPaths()).toEqual(['city'])
    expect(order.modifiedPaths()).toContain('ship.city')
  })

  it('markModified() on a subdocument marks the full path on the parent, and save() writes it', async () => {
    const { Order, order } = await savedOrder()
    order.items[0].markModified('sku')
    expect(order.items[0].isModified('sku')).toBe(true)
    expect(order.isModified('items.0.sku')).toBe(true)
    expect(order.modifiedPaths()).toContain('items.0.sku')
    order.items[0].qty = 9
    await order.save()
    expect(order.isModified()).toBe(false)
    expect(order.items[0].isModified()).toBe(false)
    const raw = await Order.findById(order._id).lean()
    expect(raw!.items.map((i: { qty: number }) => i.qty)).toEqual([9, 3])
  })

  it('a path assigned on the parent makes its children modified, as in mongoose', async () => {
    const { order } = await savedOrder()
    order.ship = { street: 'New 2', city: 'Rome' }
    expect(order.isModified('ship.city')).toBe(true)
    expect(order.ship.isModified('street')).toBe(true)
  })
})

describe('subdocuments nested in subdocuments', () => {
  it('changes to a nested document array are saved without stray top-level paths', async () => {
    const part = new Schema({ label: String })
    const item = new Schema({ sku: String, parts: [part] })
    const Kit = ctx.db.model('Kit', new Schema({ items: [item] }))
    const created = await Kit.create({ items: [{ sku: 'a', parts: [{ label: 'x' }] }] })
    const kit = await Kit.findById(created._id)
    kit.items[0].parts[0].label = 'y'
    expect(kit.isModified('items')).toBe(true)
    await kit.save()
    const raw = await Kit.findById(created._id).lean()
    expect(raw!.items[0].parts[0].label).toBe('y')
    expect(Object.keys(raw!).sort()).toEqual(['__v', '_id', 'items'])
  })
})

describe('subdocument validation', () => {
  it('validate() on an array subdocument reports its own paths', async () => {
    const { order } = await savedOrder()
    order.items[0].qty = 0
    const err = await order.items[0].validate().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ValidationError)
    expect(Object.keys((err as ValidationError).errors)).toEqual(['qty'])
    await expect(order.items[1].validate()).resolves.toBeUndefined()
  })

  it('validateSync() on subdocuments returns the error or undefined', () => {
    const Order = orderModel()
    const order = new Order({ items: [{ qty: 2 }], ship: { street: 'x' } })
    const itemErr = order.items[0].validateSync() as ValidationError
    expect(Object.keys(itemErr.errors)).toEqual(['sku'])
    expect(itemErr.errors.sku.kind).toBe('required')
    const shipErr = order.ship.validateSync() as ValidationError
    expect(Object.keys(shipErr.errors)).toEqual(['city'])
    order.items[0].sku = 'ok'
    expect(order.items[0].validateSync()).toBeUndefined()
  })

  it('a cast error recorded through a subdocument is reported by its validateSync()', () => {
    const Order = orderModel()
    const order = new Order({ items: [{ sku: 'a', qty: 1 }] })
    order.items[0].qty = 'many'
    const err = order.items[0].validateSync() as ValidationError
    expect(err.errors.qty.name).toBe('CastError')
  })
})
