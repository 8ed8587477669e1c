import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function personSchema(options = {}) {
  const schema = new Schema({ first: String, last: String }, options)
  schema
    .virtual('full')
    .get(function (this: { first: string; last: string }) {
      return `${this.first} ${this.last}`
    })
    .set(function (this: { first: string; last: string }, v: string) {
      const [first, last] = v.split(' ')
      this.first = first
      this.last = last
    })
  return schema
}

describe('virtuals', () => {
  it('get and set with `this` bound to the document', () => {
    const P = ctx.db.model('P', personSchema())
    const p = new P({ first: 'Ada', last: 'Lovelace' })
    expect(p.full).toBe('Ada Lovelace')
    p.full = 'Grace Hopper'
    expect(p.first).toBe('Grace')
    expect(p.get('full')).toBe('Grace Hopper')
    p.set('full', 'Alan Turing')
    expect(p.last).toBe('Turing')
  })

  it('accepts the documented doc => ... form', () => {
    const schema = new Schema({ price: Number, qty: Number })
    schema.virtual('total').get((doc: any) => doc.price * doc.qty)
    const M = ctx.db.model('Line', schema)
    expect(new M({ price: 3, qty: 4 }).total).toBe(12)
  })

  it('virtual setters run from the constructor', () => {
    const P = ctx.db.model('P', personSchema())
    const p = new P({ full: 'Edsger Dijkstra' })
    expect(p.first).toBe('Edsger')
  })

  it('are not stored', async () => {
    const P = ctx.db.model('P', personSchema())
    const p = await P.create({ first: 'a', last: 'b' })
    const raw = await P.findById(p._id).lean()
    expect(raw).not.toHaveProperty('full')
  })

  it('id is the string form of _id, and `id: false` removes it', () => {
    const P = ctx.db.model('P', personSchema())
    const p = new P({})
    expect(p.id).toBe(p._id.toHexString())
    const N = ctx.db.model('N', new Schema({ a: String }, { id: false }))
    expect(new N({}).id).toBeUndefined()
  })

  it('toObject/toJSON leave virtuals out unless asked', () => {
    const P = ctx.db.model('P', personSchema())
    const p = new P({ first: 'a', last: 'b' })
    expect(p.toObject()).not.toHaveProperty('full')
    expect(p.toJSON()).not.toHaveProperty('id')
    const withV = p.toObject({ virtuals: true })
    expect(withV.full).toBe('a b')
    expect(withV.id).toBe(p.id)
  })

  it('schema-level toJSON/toObject options are the defaults', () => {
    const P = ctx.db.model(
      'P',
      personSchema({ toJSON: { virtuals: true }, toObject: { virtuals: true, versionKey: false } })
    )
    const p = new P({ first: 'a', last: 'b' })
    expect(JSON.parse(JSON.stringify(p)).full).toBe('a b')
    expect(p.toObject().full).toBe('a b')
    expect(p.toObject()).not.toHaveProperty('__v')
    expect(p.toObject({ virtuals: false })).not.toHaveProperty('full')
  })

  it('nested virtual paths', () => {
    const schema = new Schema({ name: { first: String, last: String } })
    schema.virtual('name.full').get(function (this: any) {
      return `${this.name.first} ${this.name.last}`
    })
    const M = ctx.db.model('NV', schema)
    const doc = new M({ name: { first: 'x', last: 'y' } })
    expect(doc.get('name.full')).toBe('x y')
    expect(doc.toObject({ virtuals: true }).name.full).toBe('x y')
  })

  it('lean({ virtuals: true }) adds virtuals to plain results', async () => {
    const P = ctx.db.model('P', personSchema())
    await P.create({ first: 'a', last: 'b' })
    const plain = await P.findOne().lean()
    expect(plain).not.toHaveProperty('full')
    const withV = await P.findOne().lean({ virtuals: true })
    expect(withV.full).toBe('a b')
    expect(withV.id).toBe(String(withV._id))
  })

  it('loadClass getters become virtuals', () => {
    class PersonClass {
      first!: string
      last!: string
      get initials() {
        return `${this.first[0]}${this.last[0]}`
      }
    }
    const schema = new Schema({ first: String, last: String })
    schema.loadClass(PersonClass)
    const M = ctx.db.model('LC', schema)
    expect(new M({ first: 'Ada', last: 'Lovelace' }).initials).toBe('AL')
  })
})

describe('toObject / toJSON options', () => {
  it('transform, versionKey, minimize and JSON.stringify === toJSON()', async () => {
    const schema = new Schema(
      { name: String, password: String, empty: { a: String } },
      {
        toJSON: {
          transform(_doc: unknown, ret: Record<string, unknown>) {
            delete ret.password
            return ret
          },
        },
      }
    )
    const M = ctx.db.model('TJ', schema)
    const doc = await M.create({ name: 'n', password: 'p' })
    const json = doc.toJSON()
    expect(json).not.toHaveProperty('password')
    expect(json).not.toHaveProperty('empty')
    expect(json.__v).toBe(0)
    expect(JSON.stringify(doc)).toBe(JSON.stringify(doc.toJSON()))
    expect(doc.toObject().password).toBe('p')
    expect(doc.toObject({ versionKey: false })).not.toHaveProperty('__v')
    expect(new M({ empty: {} }).toObject({ minimize: false }).empty).toEqual({})
  })

  it('toObject returns a copy', () => {
    const M = ctx.db.model('TC', new Schema({ list: [Number], o: { a: Number } }))
    const doc = new M({ list: [1], o: { a: 1 } })
    const obj = doc.toObject()
    obj.list.push(2)
    obj.o.a = 9
    expect(doc.list).toEqual([1])
    expect(doc.o.a).toBe(1)
  })
})
