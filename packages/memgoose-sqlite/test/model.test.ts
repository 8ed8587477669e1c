/**
 * End to end through the core: `createDatabase({ storage: 'sqlite' })` discovers this package and
 * mongoose-style models read and write through SQL, surviving a reopen.
 */
import { describe, expect, it } from 'vitest'
import { Schema, createDatabase } from 'memgoose'
import { tempDir } from './helpers.js'

const userSchema = () =>
  new Schema({
    name: { type: String, required: true },
    email: { type: String, unique: true },
    age: { type: Number, index: true },
    tags: [String],
    joined: Date,
  })

describe('models on sqlite', () => {
  it('creates, queries, updates and deletes, then finds the data after reopening', async () => {
    const dataPath = tempDir()
    const db = await createDatabase({ storage: 'sqlite', sqlite: { dataPath } })
    const User = db.model('User', userSchema())
    await User.init?.()
    await User.create([
      { name: 'Ann', email: 'ann@x', age: 31, tags: ['a', 'b'], joined: new Date(1000) },
      { name: 'Bob', email: 'bob@x', age: 25, tags: ['b'] },
      { name: 'Cy', email: 'cy@x', age: 40 },
    ])
    const older = await User.find({ age: { $gte: 30 } })
      .sort({ age: -1 })
      .lean()
    expect(older.map((u: { name?: unknown }) => u.name)).toEqual(['Cy', 'Ann'])
    expect(await User.countDocuments({ tags: 'b' })).toBe(2)
    await User.updateOne({ email: 'bob@x' }, { $inc: { age: 1 }, $push: { tags: 'c' } })
    const bob = await User.findOne({ email: 'bob@x' }).lean()
    expect(bob).toMatchObject({ age: 26, tags: ['b', 'c'] })
    await expect(User.create({ name: 'Dup', email: 'ann@x' })).rejects.toMatchObject({
      code: 11000,
      keyValue: { email: 'ann@x' },
    })
    expect((await User.deleteMany({ age: { $lt: 30 } })).deletedCount).toBe(1)
    await db.close()

    const again = await createDatabase({ storage: 'sqlite', sqlite: { dataPath } })
    const User2 = again.model('User', userSchema())
    const all = await User2.find().sort({ name: 1 }).lean()
    expect(all.map((u: { name?: unknown }) => u.name)).toEqual(['Ann', 'Cy'])
    expect(all[0].joined).toEqual(new Date(1000))
    await again.close()
  })
})
