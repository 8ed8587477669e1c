import { describe, expect, it } from 'vitest'
import { Schema, Query, DocumentNotFoundError, Document } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

async function seeded() {
  const User = ctx.db.model(
    'User',
    new Schema({ name: String, age: Number, city: String, tags: [String] })
  )
  await User.create([
    { name: 'ann', age: 30, city: 'oslo', tags: ['x'] },
    { name: 'bob', age: 20, city: 'rome', tags: ['y'] },
    { name: 'cid', age: 40, city: 'oslo' },
    { name: 'dee', age: 25 },
  ])
  return User
}

const names = (docs: any[]) => docs.map((d) => d.name)

describe('query building', () => {
  it('where/equals/gt/gte/lt/lte', async () => {
    const User = await seeded()
    expect(names(await User.find().where('age').gt(20).lt(40).sort('name'))).toEqual(['ann', 'dee'])
    expect(names(await User.find().where('age').gte(30).lte(40).sort('name'))).toEqual([
      'ann',
      'cid',
    ])
    expect(names(await User.where('city').equals('rome'))).toEqual(['bob'])
    expect(names(await User.find().where({ city: 'oslo' }).sort('-age'))).toEqual(['cid', 'ann'])
    expect(names(await User.find().gt('age', 35))).toEqual(['cid'])
  })

  it('in/nin/ne/exists/regex/or/and', async () => {
    const User = await seeded()
    expect(names(await User.find().where('name').in(['ann', 'bob']).sort('name'))).toEqual([
      'ann',
      'bob',
    ])
    expect(names(await User.find().where('name').nin(['ann', 'bob']).sort('name'))).toEqual([
      'cid',
      'dee',
    ])
    expect(names(await User.find().where('city').ne('oslo').sort('name'))).toEqual(['bob', 'dee'])
    expect(names(await User.find().where('city').exists(false))).toEqual(['dee'])
    expect(
      names(await User.find().exists('tags', true).where('tags.0').exists().sort('name'))
    ).toEqual(['ann', 'bob'])
    expect(names(await User.find().where('name').regex(/^[ab]/).sort('name'))).toEqual([
      'ann',
      'bob',
    ])
    expect(
      names(
        await User.find()
          .or([{ age: 20 }, { age: 40 }])
          .sort('name')
      )
    ).toEqual(['bob', 'cid'])
    expect(names(await User.find().and([{ city: 'oslo' }, { age: { $gt: 35 } }]))).toEqual(['cid'])
  })

  it('select, sort, skip, limit, lean', async () => {
    const User = await seeded()
    const docs = await User.find().select('name -_id').sort({ age: 1 }).skip(1).limit(2).lean()
    expect(docs).toEqual([{ name: 'dee' }, { name: 'ann' }])
    expect(docs[0]).not.toBeInstanceOf(Document)
    const excl = await User.findOne({ name: 'ann' }).select({ tags: 0, city: 0 }).lean()
    expect(Object.keys(excl!).sort()).toEqual(['__v', '_id', 'age', 'name'])
    expect(names(await User.find().sort('-age').limit(1))).toEqual(['cid'])
    expect(
      names(
        await User.find()
          .sort([['age', 'desc']])
          .limit(1)
      )
    ).toEqual(['cid'])
  })

  it('lean results are copies', async () => {
    const User = await seeded()
    const a = await User.findOne({ name: 'ann' }).lean()
    a!.tags.push('mutated')
    const b = await User.findOne({ name: 'ann' }).lean()
    expect(b!.tags).toEqual(['x'])
  })

  it('getFilter/getOptions/getUpdate, setOptions, clone, merge', async () => {
    const User = await seeded()
    const q = User.find({ city: 'oslo' }).where('age').gt(1).setOptions({ limit: 1 })
    expect(q.getFilter()).toEqual({ city: 'oslo', age: { $gt: 1 } })
    expect(q.getOptions().limit).toBe(1)
    const copy = q.clone()
    copy.merge({ name: 'cid' })
    expect(names(await copy)).toEqual(['cid'])
    expect(q.getFilter()).not.toHaveProperty('name')
    const u = User.updateOne({ a: 1 }, { $set: { age: 3 } })
    expect(u.getUpdate()).toEqual({ $set: { age: 3 } })
    expect(q).toBeInstanceOf(Query)
  })

  it('query.countDocuments() and distinct() switch the operation', async () => {
    const User = await seeded()
    expect(await User.find({ city: 'oslo' }).countDocuments()).toBe(2)
    expect((await User.find({ city: 'oslo' }).distinct('name')).sort()).toEqual(['ann', 'cid'])
  })
})

describe('query execution', () => {
  it('exec, then, catch and finally', async () => {
    const User = await seeded()
    expect(await User.countDocuments().exec()).toBe(4)
    const viaThen = await User.findOne({ name: 'bob' }).then((d: any) => d.age)
    expect(viaThen).toBe(20)
    const caught = await User.find({ age: 'nope' }).catch((e: Error) => e.name)
    expect(caught).toBe('CastError')
    let ran = false
    await User.find().finally(() => {
      ran = true
    })
    expect(ran).toBe(true)
  })

  it('a read that fails while it runs rejects the promise exec() returned, never throws', async () => {
    const User = await seeded()
    // The store is open now, so these reads run synchronously up to the engine: every failure on
    // the way (casting, an unknown operator, a bad projection) must still arrive as a rejection.
    const failing = [
      () => User.findOne({ age: 'nope' }).lean().exec(),
      () => User.find({ age: { $bogus: 1 } }).exec(),
      () => User.find({}, { name: 1, age: 0 }).exec(),
    ]
    for (const start of failing) {
      let promise: Promise<unknown> | undefined
      expect(() => (promise = start())).not.toThrow()
      expect(promise).toBeInstanceOf(Promise)
      await expect(promise).rejects.toMatchObject({ code: expect.any(String) })
    }
    // ...and a read right after still answers (nothing was left half-done).
    expect((await User.findOne({ name: 'bob' }).lean())?.age).toBe(20)
  })

  it('a query is not run until awaited, and runs again when awaited again', async () => {
    const User = await seeded()
    const q = User.countDocuments({ city: 'oslo' })
    await User.create({ name: 'eve', city: 'oslo' })
    expect(await q).toBe(3)
    await User.create({ name: 'fay', city: 'oslo' })
    expect(await q.clone()).toBe(4)
  })

  it('orFail throws DocumentNotFoundError or a custom error', async () => {
    const User = await seeded()
    await expect(User.findOne({ name: 'zed' }).orFail()).rejects.toBeInstanceOf(
      DocumentNotFoundError
    )
    await expect(User.findOne({ name: 'zed' }).orFail()).rejects.toMatchObject({
      name: 'DocumentNotFoundError',
    })
    await expect(User.find({ name: 'zed' }).orFail(new Error('none'))).rejects.toThrow('none')
    await expect(User.updateOne({ name: 'zed' }, { age: 1 }).orFail()).rejects.toBeInstanceOf(
      DocumentNotFoundError
    )
    await expect(User.deleteOne({ name: 'zed' }).orFail(() => new Error('custom'))).rejects.toThrow(
      'custom'
    )
    expect((await User.findOne({ name: 'ann' }).orFail()).age).toBe(30)
  })

  it('cursor() streams documents: for await, next() and close()', async () => {
    const User = await seeded()
    const seen: string[] = []
    for await (const doc of User.find().sort('name').cursor()) {
      expect(doc).toBeInstanceOf(Document)
      seen.push((doc as any).name)
    }
    expect(seen).toEqual(['ann', 'bob', 'cid', 'dee'])
    const cursor = User.find({ city: 'oslo' }).sort('age').lean().cursor()
    expect(((await cursor.next()).value as any).name).toBe('ann')
    await cursor.close()
    expect((await cursor.next()).done).toBe(true)
    const direct: string[] = []
    for await (const doc of User.find({ age: { $gte: 30 } }).sort('age'))
      direct.push((doc as any).name)
    expect(direct).toEqual(['ann', 'cid'])
  })

  it('explain describes the plan', async () => {
    const User = ctx.db.model('Ix', new Schema({ email: { type: String, index: true } }))
    await User.init()
    await User.create({ email: 'a' })
    const plan = await User.find({ email: 'a' }).explain()
    expect(plan).toHaveProperty('queryPlanner')
    expect(JSON.stringify(plan)).toContain('email')
  })
})
