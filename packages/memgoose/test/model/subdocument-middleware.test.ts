import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('sub-schema middleware', () => {
  it("a child schema's pre('validate') and pre('save') run for each subdocument with `this` = the subdocument", async () => {
    const calls: string[] = []
    const item = new Schema({ sku: String, slug: String })
    item.pre('validate', function () {
      calls.push(`validate ${this.sku}`)
      this.slug = String(this.sku).toLowerCase()
    })
    item.pre('save', function () {
      calls.push(`save ${this.sku} ${typeof this.parent === 'function' ? 'sub' : 'plain'}`)
    })
    const address = new Schema({ city: String })
    address.pre('save', function () {
      calls.push(`save ship ${this.city}`)
    })
    const order = new Schema({ items: [item], ship: address })
    order.pre('validate', () => void calls.push('validate order'))
    order.pre('save', () => void calls.push('save order'))
    const Order = ctx.db.model('Order', order)
    const doc = await Order.create({ items: [{ sku: 'A' }, { sku: 'B' }], ship: { city: 'Oslo' } })
    expect(calls).toEqual([
      'validate order',
      'validate A',
      'validate B',
      'save A sub',
      'save B sub',
      'save ship Oslo',
      'save order',
    ])
    const raw = await Order.findById(doc._id).lean()
    expect(raw!.items.map((i: { slug: string }) => i.slug)).toEqual(['a', 'b'])
  })

  it('an error from a subdocument save hook rejects the parent save and nothing is written', async () => {
    const item = new Schema({ name: String })
    item.pre('save', function () {
      if (this.name === 'invalid') throw new Error('#sadpanda')
    })
    const Parent = ctx.db.model('Parent', new Schema({ children: [item] }))
    const parent = new Parent({ children: [{ name: 'ok' }, { name: 'invalid' }] })
    await expect(parent.save()).rejects.toThrow('#sadpanda')
    expect(await Parent.countDocuments()).toBe(0)
  })

  it('next-style subdocument hooks work and run again on later saves', async () => {
    let count = 0
    const item = new Schema({ n: Number })
    item.pre('save', function (next: () => void) {
      count += this.n
      next()
    })
    const Model = ctx.db.model('Holder', new Schema({ items: [item] }))
    const doc = await Model.create({ items: [{ n: 1 }, { n: 2 }] })
    expect(count).toBe(3)
    doc.items.push({ n: 10 })
    await doc.save()
    expect(count).toBe(16)
  })

  it("a child schema's post('save') and post('validate') run for each subdocument before the parent's", async () => {
    const calls: string[] = []
    const item = new Schema({ sku: String })
    item.post('validate', function () {
      calls.push(`validated ${this.sku}`)
    })
    item.post('save', function (sub: { sku: string }) {
      calls.push(`saved ${this.sku} ${sub === this}`)
    })
    const order = new Schema({ items: [item] })
    order.post('validate', () => void calls.push('validated order'))
    order.post('save', () => void calls.push('saved order'))
    const Order = ctx.db.model('Order', order)
    await Order.create({ items: [{ sku: 'A' }, { sku: 'B' }] })
    expect(calls).toEqual([
      'validated A',
      'validated B',
      'validated order',
      'saved A true',
      'saved B true',
      'saved order',
    ])
  })

  it('subdocument validate() runs the sub-schema validate hooks', async () => {
    const item = new Schema({ sku: String })
    let seen: unknown
    item.pre('validate', function () {
      seen = this.sku
    })
    const Order = ctx.db.model('Order', new Schema({ items: [item] }))
    const order = new Order({ items: [{ sku: 'z' }] })
    await order.items[0].validate()
    expect(seen).toBe('z')
  })
})
