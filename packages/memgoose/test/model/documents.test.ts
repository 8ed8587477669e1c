import { describe, expect, it } from 'vitest'
import mongoose, { Schema, Document, Model, ObjectId } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function userModel() {
  return ctx.db.model(
    'User',
    new Schema({
      name: String,
      age: Number,
      tags: [String],
      profile: { bio: String, city: String },
      data: Schema.Types.Mixed,
    })
  )
}

describe('documents', () => {
  it('new Model(doc) is a Document and a Model, with an _id and isNew', () => {
    const User = userModel()
    const u = new User({ name: 'a' })
    expect(u).toBeInstanceOf(User)
    expect(u).toBeInstanceOf(Model)
    expect(u).toBeInstanceOf(Document)
    expect(u).toBeInstanceOf(mongoose.Document)
    expect(u._id).toBeInstanceOf(ObjectId)
    expect(u.isNew).toBe(true)
  })

  it('save() inserts when new, then updates only modified paths', async () => {
    const User = userModel()
    const u = new User({ name: 'a', age: 1 })
    const saved = await u.save()
    expect(saved).toBe(u)
    expect(u.isNew).toBe(false)
    const other = await User.findById(u._id)
    other.age = 50
    await other.save()
    u.name = 'b'
    await u.save()
    expect(await User.findById(u._id).lean()).toMatchObject({ name: 'b', age: 50 })
  })

  it('isModified, modifiedPaths, directModifiedPaths and markModified', async () => {
    const User = userModel()
    const u = await User.create({ name: 'a', profile: { bio: 'x' }, data: { n: 1 } })
    expect(u.isModified()).toBe(false)
    u.profile.city = 'Oslo'
    expect(u.isModified('profile')).toBe(true)
    expect(u.isModified('profile.city')).toBe(true)
    expect(u.modifiedPaths()).toEqual(expect.arrayContaining(['profile', 'profile.city']))
    expect(u.directModifiedPaths()).toEqual(['profile.city'])
    expect(u.isModified('name')).toBe(false)
    u.markModified('data')
    expect(u.isModified('data')).toBe(true)
    expect(u.isDirectModified('data')).toBe(true)
    await u.save()
    expect(u.isModified()).toBe(false)
  })

  it('in-place changes to Mixed values and arrays are saved', async () => {
    const User = userModel()
    const u = await User.create({ data: { list: [1] }, tags: ['a'] })
    u.data.list.push(2)
    u.tags.push('b')
    await u.save()
    expect(await User.findById(u._id).lean()).toMatchObject({
      data: { list: [1, 2] },
      tags: ['a', 'b'],
    })
  })

  it('array helpers: push casts, addToSet, pull', async () => {
    const M = ctx.db.model('A', new Schema({ nums: [Number], items: [{ sku: String }] }))
    const doc = await M.create({ nums: [1, 2], items: [{ sku: 'a' }, { sku: 'b' }] })
    doc.nums.push('3')
    doc.nums.addToSet(1, 4)
    doc.nums.pull(2)
    doc.items.pull(doc.items[0]._id)
    await doc.save()
    const raw = await M.findById(doc._id).lean()
    expect(raw!.nums).toEqual([1, 3, 4])
    expect(raw!.items.map((i: any) => i.sku)).toEqual(['b'])
  })

  it('get/set/$set with dot paths, objects and nested paths', () => {
    const User = userModel()
    const u = new User({})
    u.set('profile.city', 'Rome')
    u.set({ name: 'n', 'profile.bio': 'b' })
    u.$set('age', '3')
    expect(u.get('profile.city')).toBe('Rome')
    expect(u.profile.bio).toBe('b')
    expect(u.get('age')).toBe(3)
    u.profile = { city: 'Paris' }
    expect(u.profile.city).toBe('Paris')
    expect(u.profile.bio).toBeUndefined()
  })

  it('deleteOne() removes the document', async () => {
    const User = userModel()
    const u = await User.create({ name: 'a' })
    await u.deleteOne()
    expect(await User.countDocuments()).toBe(0)
  })

  it('equals compares by _id', async () => {
    const User = userModel()
    const u = await User.create({ name: 'a' })
    const again = await User.findById(u._id)
    expect(u.equals(again)).toBe(true)
    expect(u.equals(new User({}))).toBe(false)
  })

  it('toObject/toJSON are plain copies; JSON.stringify equals toJSON', async () => {
    const User = userModel()
    const u = await User.create({ name: 'a', tags: ['x'] })
    const obj = u.toObject()
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype)
    expect(obj).toMatchObject({ name: 'a', tags: ['x'], __v: 0 })
    expect(obj._id).toBeInstanceOf(ObjectId)
    expect(JSON.parse(JSON.stringify(u))).toEqual(JSON.parse(JSON.stringify(u.toJSON())))
    expect(JSON.parse(JSON.stringify(u))._id).toBe(u.id)
  })

  it('Model.hydrate builds a saved-state document without casting or marking changes', async () => {
    const User = userModel()
    const id = new ObjectId()
    const doc = User.hydrate({ _id: id, name: 'h', age: 3 })
    expect(doc.isNew).toBe(false)
    expect(doc.isModified()).toBe(false)
    expect(doc.name).toBe('h')
    await User.create({ _id: id, name: 'orig', age: 1 })
    doc.age = 4
    await doc.save()
    expect(await User.findById(id).lean()).toMatchObject({ name: 'orig', age: 4 })
  })

  it('$clone() makes an independent copy with the same state', async () => {
    const User = userModel()
    const u = await User.create({ name: 'a', tags: ['x'] })
    const copy = u.$clone()
    expect(copy).not.toBe(u)
    expect(copy.isNew).toBe(false)
    expect(copy._id.equals(u._id)).toBe(true)
    copy.tags.push('y')
    expect(u.tags).toEqual(['x'])
  })

  it('keeps its internals out of keys, spreads and JSON, whether new, loaded or cloned', async () => {
    const User = userModel()
    const created = await User.create({ name: 'a' })
    const loaded = await User.findById(created._id)
    const docs = [new User({ name: 'b' }), created, loaded, loaded.$clone()]
    for (const doc of docs) {
      expect(Object.keys(doc)).toEqual([])
      expect({ ...doc }).toEqual({})
      expect(Object.keys(JSON.parse(JSON.stringify(doc)))).not.toContain('$__')
      expect(doc.$__).toBeDefined()
      expect(doc._doc.name).toBe(doc.name)
    }
    // Each document has state of its own: a clone's changes are not the original's.
    const clone = loaded.$clone()
    clone.name = 'changed'
    clone.$locals.note = 1
    expect(clone.isModified('name')).toBe(true)
    expect(loaded.isModified('name')).toBe(false)
    expect(loaded.$locals).toEqual({})
  })

  it('$locals is free storage that is never saved', async () => {
    const User = userModel()
    const u = new User({ name: 'a' })
    u.$locals.note = 'hi'
    await u.save()
    expect(await User.findById(u._id).lean()).not.toHaveProperty('note')
  })

  it('a removed path can be unset with set(path, undefined)', async () => {
    const User = userModel()
    const u = await User.create({ name: 'a', age: 3 })
    u.set('age', undefined)
    await u.save()
    expect(await User.findById(u._id).lean()).not.toHaveProperty('age')
  })

  it('save() on a document deleted meanwhile rejects with DocumentNotFoundError', async () => {
    const User = userModel()
    const u = await User.create({ name: 'a' })
    await User.deleteMany({})
    u.name = 'b'
    await expect(u.save()).rejects.toMatchObject({ name: 'DocumentNotFoundError' })
  })

  it('doc.updateOne() updates the stored document with document updateOne middleware', async () => {
    const calls: string[] = []
    const schema = new Schema({ n: Number })
    schema.pre('updateOne', { document: true, query: false }, function (this: any) {
      calls.push(`doc ${this.n}`)
    })
    const M = ctx.db.model('DU', schema)
    const doc = await M.create({ n: 1 })
    const res: any = await doc.updateOne({ $inc: { n: 5 } })
    expect(res.modifiedCount).toBe(1)
    expect(calls).toEqual(['doc 1'])
    expect((await M.findById(doc._id).lean())!.n).toBe(6)
  })

  it('$push of subdocuments through an update casts them and gives them an _id', async () => {
    const M = ctx.db.model('PS', new Schema({ items: [{ sku: String, qty: Number }] }))
    const doc = await M.create({})
    await M.updateOne({ _id: doc._id }, { $push: { items: { sku: 'a', qty: '2' } } })
    const raw = await M.findById(doc._id).lean()
    expect(raw!.items[0].qty).toBe(2)
    expect(raw!.items[0]._id).toBeInstanceOf(ObjectId)
  })
})
