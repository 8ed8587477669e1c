import { describe, expect, it } from 'vitest'
import { Schema, ObjectId } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function userModel() {
  return ctx.db.model(
    'User',
    new Schema({
      name: String,
      age: Number,
      email: { type: String, unique: true, sparse: true },
      tags: [String],
    })
  )
}

async function seeded() {
  const User = userModel()
  await User.init()
  await User.create([
    { name: 'ann', age: 30, tags: ['a'] },
    { name: 'bob', age: 20, tags: ['a', 'b'] },
    { name: 'cid', age: 40 },
  ])
  return User
}

describe('Model statics: reads', () => {
  it('find, findOne, findById, exists', async () => {
    const User = await seeded()
    expect(await User.find({ age: { $gte: 30 } })).toHaveLength(2)
    expect((await User.findOne({ name: 'bob' }))!.age).toBe(20)
    expect(await User.findOne({ name: 'zed' })).toBeNull()
    const ann = await User.findOne({ name: 'ann' })
    expect((await User.findById(ann._id))!.name).toBe('ann')
    expect(await User.findById(new ObjectId())).toBeNull()
    expect(await User.findById(undefined)).toBeNull()
    const exists = await User.exists({ name: 'ann' })
    expect(exists).toEqual({ _id: ann._id })
    expect(await User.exists({ name: 'zed' })).toBeNull()
  })

  it('find with projection and options arguments', async () => {
    const User = await seeded()
    const docs = await User.find({}, 'name', { sort: { age: -1 }, limit: 2 })
    expect(docs.map((d: any) => d.name)).toEqual(['cid', 'ann'])
    expect(docs[0].age).toBeUndefined()
    const objProj = await User.find({}, { name: 1 }).sort('name').lean()
    expect(objProj[0]).toEqual({ _id: objProj[0]._id, name: 'ann' })
  })

  it('countDocuments, estimatedDocumentCount, distinct', async () => {
    const User = await seeded()
    expect(await User.countDocuments({ age: { $lt: 35 } })).toBe(2)
    expect(await User.estimatedDocumentCount()).toBe(3)
    expect((await User.distinct('tags')).sort()).toEqual(['a', 'b'])
    expect((await User.distinct('name', { age: { $gt: 25 } })).sort()).toEqual(['ann', 'cid'])
  })
})

describe('Model statics: writes and result shapes', () => {
  it('create: one, several as array, several as arguments', async () => {
    const User = userModel()
    const one = await User.create({ name: 'a' })
    expect(one.name).toBe('a')
    const arr = await User.create([{ name: 'b' }, { name: 'c' }])
    expect(arr).toHaveLength(2)
    const args = await User.create({ name: 'd' }, { name: 'e' })
    expect(args.map((d: any) => d.name)).toEqual(['d', 'e'])
    expect(await User.countDocuments()).toBe(5)
  })

  it('updateOne / updateMany / replaceOne results', async () => {
    const User = await seeded()
    expect(await User.updateOne({ name: 'ann' }, { $inc: { age: 1 } })).toEqual({
      acknowledged: true,
      matchedCount: 1,
      modifiedCount: 1,
      upsertedId: null,
      upsertedCount: 0,
    })
    expect(await User.updateMany({}, { $set: { age: 1 } })).toMatchObject({
      matchedCount: 3,
      modifiedCount: 3,
    })
    expect(await User.updateMany({}, { $set: { age: 1 } })).toMatchObject({
      matchedCount: 3,
      modifiedCount: 0,
    })
    const up = await User.updateOne({ name: 'new' }, { $set: { age: 9 } }, { upsert: true })
    expect(up.upsertedCount).toBe(1)
    expect(up.upsertedId).toBeInstanceOf(ObjectId)
    expect(await User.findById(up.upsertedId).lean()).toMatchObject({ name: 'new', age: 9 })
    const rep = await User.replaceOne({ name: 'bob' }, { name: 'rob' })
    expect(rep).toMatchObject({ acknowledged: true, matchedCount: 1, modifiedCount: 1 })
    const rob = await User.findOne({ name: 'rob' }).lean()
    expect(rob).not.toHaveProperty('age')
  })

  it('deleteOne / deleteMany results', async () => {
    const User = await seeded()
    expect(await User.deleteOne({ name: 'ann' })).toEqual({ acknowledged: true, deletedCount: 1 })
    expect(await User.deleteOne({ name: 'zzz' })).toEqual({ acknowledged: true, deletedCount: 0 })
    expect(await User.deleteMany({})).toEqual({ acknowledged: true, deletedCount: 2 })
  })

  it('findOneAndUpdate returns the old document by default, the new one with new/returnDocument', async () => {
    const User = await seeded()
    const before = await User.findOneAndUpdate({ name: 'ann' }, { $inc: { age: 1 } })
    expect(before.age).toBe(30)
    const after = await User.findOneAndUpdate({ name: 'ann' }, { $inc: { age: 1 } }, { new: true })
    expect(after.age).toBe(32)
    const after2 = await User.findOneAndUpdate(
      { name: 'ann' },
      { $inc: { age: 1 } },
      { returnDocument: 'after', lean: true }
    )
    expect(after2.age).toBe(33)
    expect(await User.findOneAndUpdate({ name: 'zz' }, { age: 1 })).toBeNull()
    const upserted = await User.findOneAndUpdate(
      { name: 'up' },
      { age: 1 },
      { upsert: true, new: true }
    )
    expect(upserted.name).toBe('up')
    const sorted = await User.findOneAndUpdate(
      {},
      { $set: { tags: ['x'] } },
      { sort: { age: -1 }, new: true }
    )
    expect(sorted.name).toBe('cid')
  })

  it('findOneAndReplace, findOneAndDelete, findByIdAndUpdate, findByIdAndDelete', async () => {
    const User = await seeded()
    const ann = await User.findOne({ name: 'ann' })
    const replaced = await User.findOneAndReplace({ _id: ann._id }, { name: 'anna' }, { new: true })
    expect(replaced.name).toBe('anna')
    expect(replaced.age).toBeUndefined()
    const upd = await User.findByIdAndUpdate(ann._id.toHexString(), { age: 5 }, { new: true })
    expect(upd.age).toBe(5)
    const del = await User.findOneAndDelete({ name: 'bob' })
    expect(del.name).toBe('bob')
    const del2 = await User.findByIdAndDelete(ann._id)
    expect(del2.name).toBe('anna')
    expect(await User.countDocuments()).toBe(1)
  })

  it('insertMany ordered stops at the first duplicate, keeping the ones before it', async () => {
    const User = userModel()
    await User.init()
    await User.create({ email: 'dup' })
    const err: any = await User.insertMany([
      { email: 'x1' },
      { email: 'dup' },
      { email: 'x2' },
    ]).catch((e: unknown) => e)
    expect(err).toBeTruthy()
    expect(err.writeErrors).toHaveLength(1)
    expect(err.writeErrors[0].index).toBe(1)
    expect(err.writeErrors[0].code ?? err.writeErrors[0].err?.code).toBe(11000)
    expect((await User.find().lean()).map((d: any) => d.email).sort()).toEqual(['dup', 'x1'])
  })

  it('insertMany unordered writes everything it can and reports the rest', async () => {
    const User = userModel()
    await User.init()
    await User.create({ email: 'dup' })
    const err: any = await User.insertMany([{ email: 'x1' }, { email: 'dup' }, { email: 'x2' }], {
      ordered: false,
    }).catch((e: unknown) => e)
    expect(err.writeErrors.map((w: any) => w.index)).toEqual([1])
    expect(err.insertedDocs?.length ?? err.result?.insertedCount).toBe(2)
    expect((await User.find().lean()).map((d: any) => d.email).sort()).toEqual(['dup', 'x1', 'x2'])
  })

  it('insertMany resolves to documents (or plain objects with lean) and rawResult', async () => {
    const User = userModel()
    const docs = await User.insertMany([{ name: 'a' }, { name: 'b' }])
    expect(docs[0].isNew).toBe(false)
    expect(docs[0]._id).toBeInstanceOf(ObjectId)
    const raw = await User.insertMany([{ name: 'c' }], { rawResult: true })
    expect(raw.insertedCount).toBe(1)
    expect(raw.acknowledged).toBe(true)
  })

  it('a duplicate key error has code 11000 and keyValue', async () => {
    const User = userModel()
    await User.init()
    await User.create({ email: 'e' })
    const err: any = await User.create({ email: 'e' }).catch((e: unknown) => e)
    expect(err.code).toBe(11000)
    expect(err.keyValue).toEqual({ email: 'e' })
  })

  it('bulkWrite runs every kind of operation and reports counts', async () => {
    const User = await seeded()
    const res = await User.bulkWrite([
      { insertOne: { document: { name: 'dan', age: 1 } } },
      { updateOne: { filter: { name: 'ann' }, update: { $set: { age: 31 } } } },
      { updateMany: { filter: { age: { $lt: 25 } }, update: { $inc: { age: 100 } } } },
      { replaceOne: { filter: { name: 'cid' }, replacement: { name: 'cyd' } } },
      { updateOne: { filter: { name: 'eve' }, update: { $set: { age: 5 } }, upsert: true } },
      { deleteOne: { filter: { name: 'bob' } } },
      { deleteMany: { filter: { name: 'nobody' } } },
    ])
    expect(res).toMatchObject({
      insertedCount: 1,
      matchedCount: 4,
      modifiedCount: 4,
      deletedCount: 1,
      upsertedCount: 1,
    })
    expect(res.insertedIds[0]).toBeInstanceOf(ObjectId)
    expect(res.upsertedIds[4]).toBeInstanceOf(ObjectId)
    expect((await User.find().sort('name').lean()).map((d: any) => [d.name, d.age])).toEqual([
      ['ann', 31],
      ['cyd', undefined],
      ['dan', 101],
      ['eve', 5],
    ])
  })

  it('bulkWrite casts values like the statics do', async () => {
    const User = await seeded()
    await User.bulkWrite([{ updateOne: { filter: { age: '30' }, update: { age: '77' } } }])
    expect((await User.findOne({ name: 'ann' }).lean())!.age).toBe(77)
  })
})

describe('indexes', () => {
  it('createIndexes, listIndexes and syncIndexes', async () => {
    const schema = new Schema({ a: { type: String, index: true }, b: Number })
    schema.index({ b: -1, a: 1 })
    const M = ctx.db.model('Idx', schema)
    await M.createIndexes()
    const names = (await M.listIndexes()).map((i: any) => i.name).sort()
    expect(names).toEqual(['_id_', 'a_1', 'b_-1_a_1'])
    const keys = (await M.listIndexes()).find((i: any) => i.name === 'b_-1_a_1')!.key
    expect(keys).toEqual({ b: -1, a: 1 })
    const dropped = await M.syncIndexes()
    expect(dropped).toEqual([])
  })

  it('unique indexes reject duplicates on save and update', async () => {
    const M = ctx.db.model('Uq', new Schema({ code: { type: String, unique: true } }))
    await M.init()
    await M.create({ code: 'a' })
    const b = await M.create({ code: 'b' })
    await expect(M.updateOne({ _id: b._id }, { code: 'a' })).rejects.toMatchObject({ code: 11000 })
    b.code = 'a'
    await expect(b.save()).rejects.toMatchObject({ code: 11000 })
  })
})
