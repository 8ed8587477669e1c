import { describe, expect, it } from 'vitest'
import { Schema, ObjectId, CastError, ValidationError } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function userModel() {
  const schema = new Schema({
    name: String,
    email: { type: String, lowercase: true, trim: true },
    age: Number,
    active: Boolean,
    born: Date,
    friend: { type: Schema.Types.ObjectId, ref: 'User' },
    tags: [String],
    scores: [Number],
    profile: { level: Number },
  })
  return ctx.db.model('User', schema)
}

describe('casting documents', () => {
  it('casts strings to numbers, booleans, dates and ObjectIds on construction', () => {
    const User = userModel()
    const id = new ObjectId()
    const u = new User({
      age: '42',
      active: 'true',
      born: '2000-01-01',
      friend: id.toHexString(),
      name: 12,
    })
    expect(u.age).toBe(42)
    expect(u.active).toBe(true)
    expect(u.born).toEqual(new Date('2000-01-01'))
    expect(u.friend).toBeInstanceOf(ObjectId)
    expect(u.friend.equals(id)).toBe(true)
    expect(u.name).toBe('12')
  })

  it('accepts mongoose boolean spellings', () => {
    const User = userModel()
    for (const v of ['yes', '1', 1, 'true']) expect(new User({ active: v }).active).toBe(true)
    for (const v of ['no', '0', 0, 'false']) expect(new User({ active: v }).active).toBe(false)
  })

  it('reports cast failures as CastError inside a ValidationError at validate/save', async () => {
    const User = userModel()
    const u = new User({ age: 'not a number', name: 'x' })
    const err = u.validateSync() as ValidationError
    expect(err).toBeInstanceOf(ValidationError)
    const cast = err.errors.age as CastError
    expect(cast).toBeInstanceOf(CastError)
    expect(cast.name).toBe('CastError')
    expect(cast.kind).toBe('Number')
    expect(cast.path).toBe('age')
    expect(cast.value).toBe('not a number')
    expect(cast.valueType).toBe('string')
    expect(cast.stringValue).toBe('"not a number"')
    expect(cast.message).toMatch(
      /^Cast to Number failed for value "not a number" \(type string\) at path "age"/
    )
    await expect(u.save()).rejects.toBeInstanceOf(ValidationError)
    expect(await User.countDocuments()).toBe(0)
  })

  it('a failed assignment keeps the error until the path is set to a valid value', () => {
    const User = userModel()
    const u = new User({})
    u.age = 'abc'
    expect(u.validateSync()?.errors.age).toBeInstanceOf(CastError)
    u.age = 7
    expect(u.validateSync()).toBeUndefined()
    expect(u.age).toBe(7)
  })

  it('casts array elements and reports the element kind', () => {
    const User = userModel()
    expect(new User({ scores: ['1', 2, '3.5'] }).scores).toEqual([1, 2, 3.5])
    expect(new User({ tags: 'solo' }).tags).toEqual(['solo'])
    const err = new User({ scores: ['x'] }).validateSync()
    expect(err?.errors.scores).toBeInstanceOf(CastError)
  })
})

describe('casting filters', () => {
  it('find({ _id: "<24 hex>" }) and findById with a string', async () => {
    const User = userModel()
    const u = await User.create({ name: 'ann' })
    const hex = u._id.toHexString()
    expect((await User.find({ _id: hex })).map((d: any) => d.name)).toEqual(['ann'])
    expect((await User.findById(hex))!.name).toBe('ann')
    expect((await User.findOne({ _id: { $in: [hex] } }))!.name).toBe('ann')
  })

  it('{ age: "42" } matches the number 42; operators and $in are cast element-wise', async () => {
    const User = userModel()
    await User.create([
      { name: 'a', age: 42 },
      { name: 'b', age: 7 },
    ])
    expect((await User.find({ age: '42' })).map((d: any) => d.name)).toEqual(['a'])
    expect((await User.find({ age: { $gt: '10' } })).map((d: any) => d.name)).toEqual(['a'])
    expect(await User.countDocuments({ age: { $in: ['7', '42'] } })).toBe(2)
    expect(await User.countDocuments({ $or: [{ age: '7' }, { name: 'zzz' }] })).toBe(1)
  })

  it('$in of strings for ObjectId refs', async () => {
    const User = userModel()
    const a = await User.create({ name: 'a' })
    const b = await User.create({ name: 'b', friend: a._id })
    const found = await User.find({ friend: { $in: [a._id.toHexString()] } })
    expect(found.map((d: any) => String(d._id))).toEqual([String(b._id)])
  })

  it('casts dates and nested paths in filters', async () => {
    const User = userModel()
    await User.create({ name: 'a', born: new Date('1990-05-01'), profile: { level: 3 } })
    expect(await User.countDocuments({ born: '1990-05-01' })).toBe(1)
    expect(await User.countDocuments({ 'profile.level': '3' })).toBe(1)
    expect(await User.countDocuments({ born: { $lt: '2000-01-01' } })).toBe(1)
  })

  it('applies lowercase/trim setters to filter values, as mongoose does', async () => {
    const User = userModel()
    await User.create({ email: 'Ann@Example.COM' })
    expect(await User.countDocuments({ email: '  ANN@example.com ' })).toBe(1)
  })

  it('rejects an uncastable filter value with a CastError', async () => {
    const User = userModel()
    await expect(User.find({ age: 'abc' })).rejects.toBeInstanceOf(CastError)
    await expect(User.findById('not-an-id')).rejects.toMatchObject({
      name: 'CastError',
      kind: 'ObjectId',
      path: '_id',
    })
  })

  it('leaves $exists, $size and $regex operands alone, and casts inside $not and $elemMatch', async () => {
    const User = userModel()
    await User.create([
      { name: 'abc', scores: [1, 5] },
      { name: 'xyz', scores: [] },
    ])
    expect(await User.countDocuments({ scores: { $size: 2 } })).toBe(1)
    expect(await User.countDocuments({ name: { $regex: '^a' } })).toBe(1)
    expect(await User.countDocuments({ age: { $exists: false } })).toBe(2)
    expect(await User.countDocuments({ scores: { $elemMatch: { $gt: '4' } } })).toBe(1)
    expect(await User.countDocuments({ scores: { $not: { $size: 0 } } })).toBe(1)
  })
})

describe('casting updates', () => {
  it('casts $set, $inc, $push, $addToSet and plain-field updates', async () => {
    const User = userModel()
    const u = await User.create({ name: 'a', age: 1, tags: [] })
    await User.updateOne({ _id: u._id }, { $set: { age: '40' }, $push: { tags: 5 } })
    await User.updateOne(
      { _id: u._id.toHexString() },
      { $inc: { age: '2' }, $addToSet: { scores: '9' } }
    )
    await User.updateOne({ _id: u._id }, { active: 'yes' })
    const back = await User.findById(u._id).lean()
    expect(back!.age).toBe(42)
    expect(back!.tags).toEqual(['5'])
    expect(back!.scores).toEqual([9])
    expect(back!.active).toBe(true)
  })

  it('runs lowercase/trim setters on $set', async () => {
    const User = userModel()
    const u = await User.create({ email: 'a@b.c' })
    await User.updateOne({ _id: u._id }, { $set: { email: '  NEW@MAIL.COM ' } })
    expect((await User.findById(u._id).lean())!.email).toBe('new@mail.com')
    await User.findOneAndUpdate({ _id: u._id }, { email: 'X@Y.Z' })
    expect((await User.findById(u._id).lean())!.email).toBe('x@y.z')
  })

  it('rejects uncastable update values with a CastError and writes nothing', async () => {
    const User = userModel()
    const u = await User.create({ name: 'a', age: 1 })
    await expect(User.updateOne({ _id: u._id }, { $set: { age: 'lots' } })).rejects.toBeInstanceOf(
      CastError
    )
    await expect(User.updateOne({ _id: u._id }, { $inc: { age: 'x' } })).rejects.toBeInstanceOf(
      CastError
    )
    expect((await User.findById(u._id).lean())!.age).toBe(1)
  })

  it('drops paths outside the schema from updates under strict mode', async () => {
    const User = userModel()
    const u = await User.create({ name: 'a' })
    await User.updateOne({ _id: u._id }, { $set: { nope: 1, name: 'b' } })
    const back = await User.findById(u._id).lean()
    expect(back!.name).toBe('b')
    expect(back).not.toHaveProperty('nope')
  })

  it('Model.castObject casts a plain object with the schema', () => {
    const User = userModel()
    const out = User.castObject({ age: '3', active: 'no', born: '2020-02-02' })
    expect(out).toEqual({ age: 3, active: false, born: new Date('2020-02-02') })
    expect(() => User.castObject({ age: 'zz' })).toThrow(ValidationError)
  })

  it('casts paths inside document arrays in filters and positional updates', async () => {
    const M = ctx.db.model('Inv', new Schema({ items: [{ sku: String, qty: Number }] }))
    const doc = await M.create({
      items: [
        { sku: 'a', qty: 1 },
        { sku: 'b', qty: 2 },
      ],
    })
    expect(await M.countDocuments({ 'items.qty': '2' })).toBe(1)
    expect(await M.countDocuments({ items: { $elemMatch: { sku: 'b', qty: '2' } } })).toBe(1)
    await M.updateOne({ _id: doc._id, 'items.sku': 'b' }, { $set: { 'items.$.qty': '9' } })
    await M.updateOne({ _id: doc._id }, { $inc: { 'items.0.qty': '4' } })
    const raw = await M.findById(doc._id).lean()
    expect(raw!.items.map((i: any) => i.qty)).toEqual([5, 9])
  })
})
