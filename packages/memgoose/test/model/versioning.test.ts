import { describe, expect, it } from 'vitest'
import { Schema, VersionError } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('versioning', () => {
  it('new documents are saved with __v: 0', async () => {
    const M = ctx.db.model('V', new Schema({ n: Number }))
    const doc = await M.create({ n: 1 })
    expect(doc.__v).toBe(0)
    expect((await M.findById(doc._id).lean())!.__v).toBe(0)
  })

  it('array changes bump __v, and a stale copy changing the array gets a VersionError', async () => {
    const M = ctx.db.model('V', new Schema({ tags: [String], n: Number }))
    const doc = await M.create({ tags: ['a'] })
    const a = await M.findById(doc._id)
    const b = await M.findById(doc._id)
    a.tags = ['x', 'y']
    await a.save()
    expect(a.__v).toBe(1)
    b.tags = ['z']
    const err = await b.save().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(VersionError)
    expect((err as Error).name).toBe('VersionError')
    expect((await M.findById(doc._id).lean())!.tags).toEqual(['x', 'y'])
  })

  it('without optimisticConcurrency, stale copies changing other scalar paths both save', async () => {
    const M = ctx.db.model('V', new Schema({ a: Number, b: Number }))
    const doc = await M.create({ a: 1, b: 1 })
    const x = await M.findById(doc._id)
    const y = await M.findById(doc._id)
    x.a = 2
    y.b = 2
    await x.save()
    await y.save()
    expect(await M.findById(doc._id).lean()).toMatchObject({ a: 2, b: 2, __v: 0 })
  })

  it('optimisticConcurrency: every save checks and bumps the version', async () => {
    const M = ctx.db.model('V', new Schema({ a: Number }, { optimisticConcurrency: true }))
    const doc = await M.create({ a: 1 })
    const x = await M.findById(doc._id)
    const y = await M.findById(doc._id)
    x.a = 2
    await x.save()
    expect(x.__v).toBe(1)
    y.a = 3
    await expect(y.save()).rejects.toBeInstanceOf(VersionError)
  })

  it('versionKey: false and a custom version key', async () => {
    const A = ctx.db.model('A', new Schema({ n: Number }, { versionKey: false }))
    const a = await A.create({ n: 1 })
    expect(await A.findById(a._id).lean()).not.toHaveProperty('__v')
    const B = ctx.db.model('B', new Schema({ n: Number }, { versionKey: '_rev' }))
    const b = await B.create({ n: 1 })
    expect((await B.findById(b._id).lean())!._rev).toBe(0)
  })
})
