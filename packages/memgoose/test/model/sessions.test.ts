import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase, TEST_STORAGE } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('sessions and transactions', () => {
  it('commitTransaction makes every write of the transaction visible', async () => {
    const Account = ctx.db.model('Account', new Schema({ name: String, balance: Number }))
    await Account.create([
      { name: 'a', balance: 100 },
      { name: 'b', balance: 0 },
    ])
    const session = await Account.startSession()
    session.startTransaction()
    await Account.updateOne({ name: 'a' }, { $inc: { balance: -30 } }, { session })
    await Account.updateOne({ name: 'b' }, { $inc: { balance: 30 } }).session(session)
    await Account.create([{ name: 'c', balance: 1 }], { session })
    await session.commitTransaction()
    await session.endSession()
    const all = await Account.find().sort('name').lean()
    expect(all.map((d: any) => d.balance)).toEqual([70, 30, 1])
  })

  it('abortTransaction discards the writes', async () => {
    const Account = ctx.db.model('Account', new Schema({ name: String, balance: Number }))
    await Account.create({ name: 'a', balance: 100 })
    const session = await Account.startSession()
    session.startTransaction()
    await Account.updateOne({ name: 'a' }, { $inc: { balance: -30 } }, { session })
    const doc = new Account({ name: 'b', balance: 5 })
    await doc.save({ session })
    await Account.deleteOne({ name: 'a' }, { session })
    await session.abortTransaction()
    await session.endSession()
    const all = await Account.find().lean()
    expect(all.map((d: any) => [d.name, d.balance])).toEqual([['a', 100]])
  })

  it('withTransaction commits on success and aborts (rethrowing) on error', async () => {
    const Account = ctx.db.model('Account', new Schema({ name: String }))
    const session = await ctx.db.startSession()
    await session.withTransaction(async () => {
      await Account.create([{ name: 'kept' }], { session })
    })
    await expect(
      session.withTransaction(async () => {
        await Account.create([{ name: 'dropped' }], { session })
        throw new Error('boom')
      })
    ).rejects.toThrow('boom')
    await session.endSession()
    expect((await Account.find().lean()).map((d: any) => d.name)).toEqual(['kept'])
  })

  it('reads inside the transaction see its own writes', async () => {
    const Item = ctx.db.model('Item', new Schema({ n: Number }))
    const session = await Item.startSession()
    session.startTransaction()
    await Item.create([{ n: 1 }], { session })
    expect(await Item.countDocuments().session(session)).toBe(1)
    expect((await Item.findOne({ n: 1 }).session(session))!.n).toBe(1)
    await session.commitTransaction()
    expect(TEST_STORAGE).toBeTruthy()
  })

  it('doc.$session() carries the session into save()', async () => {
    const Item = ctx.db.model('Item', new Schema({ n: Number }))
    const created = await Item.create({ n: 1 })
    const session = await Item.startSession()
    session.startTransaction()
    const doc = await Item.findById(created._id).session(session)
    doc.$session(session)
    doc.n = 2
    await doc.save()
    await session.abortTransaction()
    expect((await Item.findById(created._id).lean())!.n).toBe(1)
  })
})
