import { describe, expect, it } from 'vitest'
import { Schema, ValidationError } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('document middleware', () => {
  it('runs in mongoose order: pre validate, validate, post validate, pre save, write, post save', async () => {
    const calls: string[] = []
    const schema = new Schema({
      n: { type: Number, validate: () => (calls.push('validator'), true) },
    })
    schema.pre('validate', () => void calls.push('pre validate'))
    schema.post('validate', () => void calls.push('post validate'))
    schema.pre('save', () => void calls.push('pre save'))
    schema.post('save', () => void calls.push('post save'))
    const M = ctx.db.model('M', schema)
    await M.create({ n: 1 })
    expect(calls).toEqual(['pre validate', 'validator', 'post validate', 'pre save', 'post save'])
  })

  it('next-style pre hooks, with `this` the document, can change it before it is written', async () => {
    const schema = new Schema({ name: String, slug: String })
    schema.pre('save', function (this: any, next: (err?: Error) => void) {
      this.slug = this.name.toLowerCase()
      next()
    })
    const M = ctx.db.model('M', schema)
    const doc = await M.create({ name: 'Hello' })
    expect((await M.findById(doc._id).lean())!.slug).toBe('hello')
  })

  it('async pre hooks are awaited; isNew and isModified are visible', async () => {
    const seen: unknown[] = []
    const schema = new Schema({ n: Number })
    schema.pre('save', async function (this: any) {
      await new Promise((r) => setTimeout(r, 1))
      seen.push([this.isNew, this.isModified('n')])
    })
    const M = ctx.db.model('M', schema)
    const doc = await M.create({ n: 1 })
    doc.n = 2
    await doc.save()
    await doc.save()
    expect(seen).toEqual([
      [true, true],
      [false, true],
      [false, false],
    ])
  })

  it("memgoose's ({ doc }) form gets the document", async () => {
    const schema = new Schema({ name: String, upper: String })
    schema.pre('save', ({ doc }: any) => {
      doc.upper = doc.name.toUpperCase()
    })
    const M = ctx.db.model('M', schema)
    expect((await M.create({ name: 'ab' })).upper).toBe('AB')
  })

  it('an error from a pre hook (thrown, rejected or passed to next) aborts the save', async () => {
    const M = ctx.db.model(
      'M',
      new Schema({ n: Number }).pre('save', function (next: (e?: Error) => void) {
        next(new Error('nope'))
      })
    )
    await expect(M.create({ n: 1 })).rejects.toThrow('nope')
    const N = ctx.db.model(
      'N',
      new Schema({ n: Number }).pre('save', async () => {
        throw new Error('async nope')
      })
    )
    await expect(N.create({ n: 1 })).rejects.toThrow('async nope')
    expect(await M.countDocuments()).toBe(0)
    expect(await N.countDocuments()).toBe(0)
  })

  it('post hooks receive the document; post next-style hooks are waited for', async () => {
    const got: unknown[] = []
    const schema = new Schema({ n: Number })
    schema.post('save', function (doc: any, next: () => void) {
      setTimeout(() => {
        got.push(doc.n)
        next()
      }, 1)
    })
    const M = ctx.db.model('M', schema)
    await M.create({ n: 5 })
    expect(got).toEqual([5])
  })

  it('error-handling post hooks (err, doc, next) can replace the error', async () => {
    const schema = new Schema({ email: { type: String, unique: true } })
    schema.post('save', function (err: any, _doc: unknown, next: (e?: Error) => void) {
      if (err.code === 11000) next(new Error('email taken'))
      else next(err)
    })
    const M = ctx.db.model('M', schema)
    await M.init()
    await M.create({ email: 'a' })
    await expect(M.create({ email: 'a' })).rejects.toThrow('email taken')
  })

  it('post validate error handlers see a ValidationError', async () => {
    let seen: unknown
    const schema = new Schema({ n: { type: Number, required: true } })
    schema.post('validate', function (err: unknown, _doc: unknown, next: (e?: unknown) => void) {
      seen = err
      next(err)
    })
    const M = ctx.db.model('M', schema)
    await expect(M.create({})).rejects.toBeInstanceOf(ValidationError)
    expect(seen).toBeInstanceOf(ValidationError)
  })

  it('deleteOne document middleware needs { document: true, query: false }', async () => {
    const calls: string[] = []
    const schema = new Schema({ n: Number })
    schema.pre('deleteOne', { document: true, query: false }, function (this: any) {
      calls.push(`doc ${this.n}`)
    })
    schema.pre('deleteOne', function (this: any) {
      calls.push(typeof this.getFilter === 'function' ? 'query' : 'document')
    })
    const M = ctx.db.model('M', schema)
    const doc = await M.create({ n: 1 })
    await doc.deleteOne()
    await M.deleteOne({ n: 2 })
    expect(calls).toEqual(['doc 1', 'query'])
  })

  it('init hooks run when documents are loaded', async () => {
    const calls: unknown[] = []
    const schema = new Schema({ n: Number })
    schema.pre('init', function (this: any, raw: any) {
      calls.push(`raw ${raw.n}`)
    })
    schema.post('init', function (this: any, doc: any) {
      calls.push(doc.n)
    })
    const M = ctx.db.model('M', schema)
    await M.create({ n: 7 })
    await M.find()
    expect(calls).toEqual(['raw 7', 7])
  })
})

describe('query middleware', () => {
  it('pre find can add conditions; post find sees the results', async () => {
    const schema = new Schema({ name: String, deleted: { type: Boolean, default: false } })
    let count = -1
    schema.pre('find', function (this: any) {
      this.where({ deleted: false })
    })
    schema.post('find', function (docs: unknown[]) {
      count = docs.length
    })
    const M = ctx.db.model('M', schema)
    await M.create([{ name: 'a' }, { name: 'b', deleted: true }])
    const found = await M.find()
    expect(found.map((d: any) => d.name)).toEqual(['a'])
    expect(count).toBe(1)
  })

  it('findById triggers findOne hooks; regex and array names register several hooks', async () => {
    const calls: string[] = []
    const schema = new Schema({ n: Number })
    schema.pre('findOne', () => void calls.push('findOne'))
    schema.pre(/^count/, () => void calls.push('count'))
    schema.pre(['updateOne', 'updateMany'], function (this: any) {
      calls.push(this.op)
    })
    const M = ctx.db.model('M', schema)
    const doc = await M.create({ n: 1 })
    await M.findById(doc._id)
    await M.countDocuments()
    await M.updateOne({}, { n: 2 })
    await M.updateMany({}, { n: 3 })
    expect(calls).toEqual(['findOne', 'count', 'updateOne', 'updateMany'])
  })

  it('update hooks can change the update with this.set() / getUpdate()', async () => {
    const schema = new Schema({ n: Number, touched: Boolean })
    schema.pre('findOneAndUpdate', function (this: any) {
      this.set({ touched: true })
    })
    schema.pre('updateOne', function (this: any) {
      const update = this.getUpdate()
      update.$set = { ...(update.$set ?? {}), touched: true }
    })
    const M = ctx.db.model('M', schema)
    const a = await M.create({ n: 1 })
    const updated = await M.findOneAndUpdate({ _id: a._id }, { n: 2 }, { new: true })
    expect(updated.touched).toBe(true)
    const b = await M.create({ n: 1 })
    await M.updateOne({ _id: b._id }, { n: 5 })
    expect((await M.findById(b._id).lean())!.touched).toBe(true)
  })

  it('hooks for every query operation fire', async () => {
    const ops = [
      'countDocuments',
      'distinct',
      'deleteMany',
      'deleteOne',
      'replaceOne',
      'findOneAndDelete',
      'findOneAndReplace',
      'estimatedDocumentCount',
    ]
    const calls: string[] = []
    const schema = new Schema({ n: Number })
    for (const op of ops) schema.pre(op, () => void calls.push(op))
    const M = ctx.db.model('M', schema)
    await M.create([{ n: 1 }, { n: 2 }, { n: 3 }])
    await M.countDocuments()
    await M.distinct('n')
    await M.replaceOne({ n: 1 }, { n: 10 })
    await M.findOneAndReplace({ n: 10 }, { n: 11 })
    await M.findOneAndDelete({ n: 11 })
    await M.deleteOne({ n: 2 })
    await M.deleteMany({})
    await M.estimatedDocumentCount()
    expect(calls).toEqual([
      'countDocuments',
      'distinct',
      'replaceOne',
      'findOneAndReplace',
      'findOneAndDelete',
      'deleteOne',
      'deleteMany',
      'estimatedDocumentCount',
    ])
  })

  it('a query pre hook error rejects the query; query error handlers can map errors', async () => {
    const schema = new Schema({ n: Number })
    schema.pre('find', () => {
      throw new Error('blocked')
    })
    schema.post('findOne', function (err: Error, _res: unknown, next: (e?: Error) => void) {
      next(new Error(`mapped: ${err.name}`))
    })
    const M = ctx.db.model('M', schema)
    await expect(M.find()).rejects.toThrow('blocked')
    await expect(M.findOne({ _id: 'bad' })).rejects.toThrow('mapped: CastError')
  })
})

describe('memgoose context form and options', () => {
  it('({ query }) hooks get the query; errorHandler: true marks an error handler', async () => {
    const schema = new Schema({ n: Number, hidden: Boolean })
    schema.pre('find', ({ query }: any) => {
      query.where({ hidden: { $ne: true } })
    })
    let handled: unknown
    schema.post('findOne', { errorHandler: true }, function (err: unknown) {
      handled = err
    })
    const M = ctx.db.model('M', schema)
    await M.create([{ n: 1 }, { n: 2, hidden: true }])
    expect((await M.find()).map((d: any) => d.n)).toEqual([1])
    await expect(M.findOne({ n: 'x' })).rejects.toMatchObject({ name: 'CastError' })
    expect(handled).toMatchObject({ name: 'CastError' })
  })
})

describe('model and aggregate middleware', () => {
  it('insertMany pre (next, docs) and post (docs)', async () => {
    const calls: unknown[] = []
    const schema = new Schema({ n: Number })
    schema.pre('insertMany', function (next: () => void, docs: any[]) {
      calls.push(`pre ${docs.length}`)
      next()
    })
    schema.post('insertMany', function (docs: any[]) {
      calls.push(`post ${docs.length}`)
    })
    const M = ctx.db.model('M', schema)
    await M.insertMany([{ n: 1 }, { n: 2 }])
    expect(calls).toEqual(['pre 2', 'post 2'])
  })

  it('bulkWrite hooks run with the model as `this`', async () => {
    const calls: unknown[] = []
    const schema = new Schema({ n: Number })
    schema.pre('bulkWrite', function (this: any) {
      calls.push(this.modelName)
    })
    schema.post('bulkWrite', (res: any) => void calls.push(res.insertedCount))
    const M = ctx.db.model('M', schema)
    await M.bulkWrite([{ insertOne: { document: { n: 1 } } }])
    expect(calls).toEqual(['M', 1])
  })

  it('aggregate pre hooks can change the pipeline', async () => {
    const schema = new Schema({ n: Number, hidden: Boolean })
    schema.pre('aggregate', function (this: any) {
      this.pipeline().unshift({ $match: { hidden: { $ne: true } } })
    })
    const M = ctx.db.model('M', schema)
    await M.create([{ n: 1 }, { n: 2, hidden: true }])
    const out = await M.aggregate([{ $group: { _id: null, total: { $sum: '$n' } } }])
    expect(out[0].total).toBe(1)
  })
})
