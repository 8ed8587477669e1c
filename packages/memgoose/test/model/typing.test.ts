/**
 * `model<T>()` types documents and results. The `@ts-expect-error` lines are the type-level
 * assertions: `npm run typecheck` fails if they stop being errors.
 */
import { describe, expect, it } from 'vitest'
import { Schema, type HydratedDocument } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

interface IUser {
  name: string
  age: number
}

describe('typed models', () => {
  it('carries the document type through queries', async () => {
    const User = ctx.db.model<IUser>('User', new Schema({ name: String, age: Number }))
    await User.create({ name: 'Ada', age: 36 })
    const ada: HydratedDocument<IUser> | null = await User.findOne({ name: 'Ada' })
    const name: string | undefined = ada?.name
    const age: number | undefined = ada?.age
    // @ts-expect-error age is a number, not a string
    const wrong: string | undefined = ada?.age
    const all = await User.find({ age: { $gte: 30 } })
    const total: number = all.reduce((sum, u) => sum + u.age, 0)
    const count: number = await User.countDocuments({})
    expect({ name, age, wrong, total, count }).toEqual({
      name: 'Ada',
      age: 36,
      wrong: 36,
      total: 36,
      count: 1,
    })
  })
})
