import { afterEach, describe, expect, it } from 'vitest'
import mongoose, { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('methods, statics and query helpers', () => {
  it('methods live on the prototype, not as own enumerable properties', () => {
    const schema = new Schema({ name: String })
    schema.methods.greet = function (this: any) {
      return `hi ${this.name}`
    }
    schema.method('shout', function (this: any) {
      return this.name.toUpperCase()
    })
    const M = ctx.db.model('M', schema)
    const doc = new M({ name: 'ann' })
    expect(doc.greet()).toBe('hi ann')
    expect(doc.shout()).toBe('ANN')
    expect(Object.keys(doc)).not.toContain('greet')
    expect(Object.prototype.hasOwnProperty.call(doc, 'greet')).toBe(false)
    expect(typeof (M.prototype as any).greet).toBe('function')
  })

  it('statics (object and method forms) with `this` the model', async () => {
    const schema = new Schema({ name: String })
    schema.statics.byName = function (this: any, name: string) {
      return this.findOne({ name })
    }
    schema.static('countAll', function (this: any) {
      return this.countDocuments()
    })
    const M = ctx.db.model('M', schema)
    await M.create({ name: 'x' })
    expect((await M.byName('x')).name).toBe('x')
    expect(await M.countAll()).toBe(1)
  })

  it('query helpers chain on queries', async () => {
    const schema = new Schema({ name: String, age: Number })
    schema.query.adults = function (this: any) {
      return this.where({ age: { $gte: 18 } })
    }
    schema.query.byName = function (this: any, name: string) {
      return this.where({ name })
    }
    const M = ctx.db.model('M', schema)
    await M.create([
      { name: 'a', age: 10 },
      { name: 'b', age: 20 },
      { name: 'a', age: 30 },
    ])
    expect(await M.find().adults().byName('a').countDocuments()).toBe(1)
  })

  it('loadClass: methods, statics, getters and setters', async () => {
    class UserClass {
      first!: string
      last!: string
      get full() {
        return `${this.first} ${this.last}`
      }
      set full(v: string) {
        const [a, b] = v.split(' ')
        this.first = a
        this.last = b
      }
      greet() {
        return `hello ${this.first}`
      }
      static findByFirst(this: any, first: string) {
        return this.findOne({ first })
      }
    }
    const schema = new Schema({ first: String, last: String })
    schema.loadClass(UserClass)
    const M = ctx.db.model('M', schema)
    const doc = new M({ full: 'Ada Lovelace' })
    expect(doc.first).toBe('Ada')
    expect(doc.greet()).toBe('hello Ada')
    await doc.save()
    expect((await M.findByFirst('Ada')).full).toBe('Ada Lovelace')
  })
})

describe('schema.add, pick, clone', () => {
  it('add() adds paths, also from another schema and under a prefix', () => {
    const schema = new Schema({ a: String })
    schema.add({ b: Number })
    schema.add(new Schema({ c: Boolean }))
    schema.add({ d: String }, 'nested.')
    expect(schema.path('b')!.instance).toBe('Number')
    expect(schema.path('c')!.instance).toBe('Boolean')
    expect(schema.path('nested.d')!.instance).toBe('String')
  })

  it('pick() keeps only the given paths with their options', () => {
    const schema = new Schema({ a: { type: String, required: true }, b: Number, c: Date })
    const picked = schema.pick(['a', 'b'])
    expect(picked.path('a')!.isRequired).toBe(true)
    expect(picked.path('b')!.instance).toBe('Number')
    expect(picked.path('c')).toBeUndefined()
  })

  it('clone() is independent of the original', () => {
    const schema = new Schema({ a: String })
    schema.method('m', () => 1)
    const copy = schema.clone()
    copy.add({ b: Number })
    copy.method('n', () => 2)
    expect(copy.path('a')!.instance).toBe('String')
    expect(schema.path('b')).toBeUndefined()
    expect(schema.methods.n).toBeUndefined()
    expect(copy.methods.m).toBeDefined()
  })

  it('index() declarations and path-level index/unique/sparse options', () => {
    const schema = new Schema({
      email: { type: String, unique: true },
      city: { type: String, index: true },
      age: Number,
    })
    schema.index({ city: 1, age: -1 }, { name: 'city_age' })
    const idx = schema.indexes()
    expect(idx).toContainEqual([{ email: 1 }, { unique: true }])
    expect(idx).toContainEqual([{ city: 1, age: -1 }, { name: 'city_age' }])
    expect(idx.some(([k]) => Object.keys(k).join() === 'city')).toBe(true)
  })
})

describe('plugins', () => {
  afterEach(() => {
    ;(mongoose as any).clearGlobalPlugins?.()
  })

  it('schema.plugin(fn, options) runs once per plugin', () => {
    const calls: unknown[] = []
    function stamp(schema: Schema, opts?: any) {
      calls.push(opts)
      schema.add({ stampedBy: { type: String, default: opts?.who } })
    }
    const schema = new Schema({ a: String })
    schema.plugin(stamp, { who: 'me' })
    schema.plugin(stamp, { who: 'again' })
    const M = ctx.db.model('M', schema)
    expect(new M({}).stampedBy).toBe('me')
    expect(calls).toHaveLength(1)
  })

  it('plugins can add hooks, methods and statics', async () => {
    function softDelete(schema: Schema) {
      schema.add({ deleted: { type: Boolean, default: false } })
      schema.pre('find', function (this: any) {
        this.where({ deleted: false })
      })
      schema.method('softDelete', function (this: any) {
        this.deleted = true
        return this.save()
      })
      schema.static('live', function (this: any) {
        return this.find()
      })
    }
    const schema = new Schema({ name: String })
    schema.plugin(softDelete)
    const M = ctx.db.model('M', schema)
    const [a] = await M.create([{ name: 'a' }, { name: 'b' }])
    await a.softDelete()
    expect((await M.live()).map((d: any) => d.name)).toEqual(['b'])
  })

  it('global plugins (mongoose.plugin) apply to models compiled afterwards', () => {
    const seen: string[] = []
    mongoose.plugin((schema: Schema) => {
      schema.add({ tenant: { type: String, default: 't1' } })
      seen.push('applied')
    })
    const M = ctx.db.model('G', new Schema({ a: String }))
    expect(new M({}).tenant).toBe('t1')
    expect(seen).toEqual(['applied'])
  })
})
