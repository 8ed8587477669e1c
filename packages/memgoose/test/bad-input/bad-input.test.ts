/**
 * Hostile and malformed input at the model API (issue 3, section 7): each case gives a coded error or
 * is stored safely, nothing is polluted, and a rejected write leaves the database exactly as it was.
 * Runs on the backend named by MEMGOOSE_TEST_STORAGE.
 */
import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function models() {
  const User = ctx.db.model(
    'User',
    new Schema({
      name: String,
      email: { type: String, unique: true },
      meta: Schema.Types.Mixed,
      tags: [String],
    })
  )
  return { User }
}

/** Everything stored, to prove a rejected operation changed nothing. */
async function snapshot(model: ReturnType<typeof models>['User']) {
  return model.find().sort({ email: 1 }).lean()
}

function deep(levels: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true }
  for (let i = 0; i < levels; i++) value = { next: value }
  return value
}

describe('bad input at the model API', () => {
  it('rejects an unknown query operator with a coded error', async () => {
    const { User } = models()
    await expect(User.find({ name: { $regexx: 'a' } })).rejects.toMatchObject({
      code: 'UNKNOWN_OPERATOR',
    })
  })

  it('rejects a malformed filter ($in without an array)', async () => {
    const { User } = models()
    await expect(User.find({ tags: { $in: 'a' } })).rejects.toMatchObject({ code: 'BAD_FILTER' })
  })

  it('rejects $where and JavaScript functions in filters', async () => {
    const { User } = models()
    await expect(User.find({ $where: 'this.name === "a"' })).rejects.toMatchObject({
      code: 'WHERE_NOT_ALLOWED',
    })
    await expect(User.find({ meta: (() => true) as never })).rejects.toMatchObject({
      code: 'WHERE_NOT_ALLOWED',
    })
  })

  it('rejects an unknown update operator and leaves documents unchanged', async () => {
    const { User } = models()
    await User.create({ name: 'a', email: 'a@x' })
    const before = await snapshot(User)
    await expect(
      User.updateOne({ email: 'a@x' }, { $sett: { name: 'b' } } as never)
    ).rejects.toMatchObject({ code: 'UNKNOWN_OPERATOR' })
    expect(await snapshot(User)).toEqual(before)
  })

  it('rejects conflicting update paths and type errors without a partial write', async () => {
    const { User } = models()
    await User.create([
      { name: 'a', email: 'a@x', meta: { n: 1 } },
      { name: 'b', email: 'b@x', meta: { n: 'text' } },
    ])
    const before = await snapshot(User)
    await expect(
      User.updateOne({ email: 'a@x' }, { $set: { meta: {} }, $inc: { 'meta.n': 1 } })
    ).rejects.toMatchObject({ code: 'CONFLICTING_UPDATE' })
    // The second document cannot take $inc: updateMany fails as a whole, the first stays as it was.
    await expect(User.updateMany({}, { $inc: { 'meta.n': 1 } })).rejects.toMatchObject({
      code: 'TYPE_MISMATCH',
    })
    expect(await snapshot(User)).toEqual(before)
  })

  it('rejects __proto__ keys in documents without polluting Object.prototype', async () => {
    const { User } = models()
    const hostile = JSON.parse('{"name":"x","email":"p@x","meta":{"__proto__":{"polluted":true}}}')
    await expect(User.create(hostile)).rejects.toMatchObject({ code: 'UNSAFE_KEY' })
    const topLevel = JSON.parse('{"name":"x","email":"q@x","__proto__":{"polluted":true}}')
    await expect(User.create(topLevel)).rejects.toMatchObject({ code: 'UNSAFE_KEY' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await User.countDocuments()).toBe(0)
  })

  it('rejects constructor/prototype keys in filters', async () => {
    const { User } = models()
    await expect(
      User.find(JSON.parse('{"meta.constructor.prototype":{"$eq":1}}'))
    ).rejects.toMatchObject({ code: 'UNSAFE_KEY' })
    await expect(User.find(JSON.parse('{"__proto__":{"x":1}}'))).rejects.toMatchObject({
      code: 'UNSAFE_KEY',
    })
  })

  it('rejects __proto__ in update paths and values', async () => {
    const { User } = models()
    await User.create({ name: 'a', email: 'a@x' })
    const before = await snapshot(User)
    await expect(
      User.updateOne({ email: 'a@x' }, JSON.parse('{"$set":{"meta.__proto__.polluted":true}}'))
    ).rejects.toMatchObject({ code: 'UNSAFE_KEY' })
    await expect(
      User.updateOne(
        { email: 'a@x' },
        JSON.parse('{"$set":{"meta":{"__proto__":{"polluted":true}}}}')
      )
    ).rejects.toMatchObject({ code: 'UNSAFE_KEY' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(await snapshot(User)).toEqual(before)
  })

  it('rejects __proto__ in projections', async () => {
    const { User } = models()
    expect(() => User.find({}).select(JSON.parse('{"__proto__":1}'))).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
    expect(() => User.find({}, JSON.parse('{"a":1,"__proto__":0}'))).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
    // Projections are validated even when nothing matches.
    await expect(User.find({}).select({ a: 1, b: 0 })).rejects.toMatchObject({
      code: expect.any(String),
    })
  })

  it('rejects model names with path separators or NUL', () => {
    for (const name of ['users/../../etc', 'a\\b', 'nul\u0000name']) {
      expect(() => ctx.db.model(name, new Schema({}))).toThrow(
        expect.objectContaining({ code: 'INVALID_NAME' })
      )
    }
  })

  it('stores and returns a 10 MB document intact', async () => {
    const { User } = models()
    const big = 'x'.repeat(10 * 1024 * 1024)
    await User.create({ name: 'big', email: 'big@x', meta: { big } })
    const back = await User.findOne({ email: 'big@x' }).lean()
    expect((back.meta as { big: string }).big.length).toBe(big.length)
    expect((back.meta as { big: string }).big === big).toBe(true)
  })

  it('rejects 10,000-deep nesting with a coded error (no stack overflow) and writes nothing', async () => {
    const { User } = models()
    await expect(
      User.create({ name: 'deep', email: 'deep@x', meta: deep(10_000) })
    ).rejects.toMatchObject({ code: 'DOCUMENT_TOO_DEEP' })
    await expect(User.find({ meta: deep(10_000) })).rejects.toMatchObject({
      code: expect.stringMatching(/TOO_DEEP/),
    })
    expect(await User.countDocuments()).toBe(0)
  })

  it('rejects a 10,000-deep update value and leaves the document as it was', async () => {
    const { User } = models()
    await User.create({ name: 'a', email: 'a@x' })
    const before = await snapshot(User)
    await expect(
      User.updateOne({ email: 'a@x' }, { $set: { meta: deep(10_000) } })
    ).rejects.toMatchObject({ code: expect.stringMatching(/TOO_DEEP/) })
    expect(await snapshot(User)).toEqual(before)
  })

  it('a duplicate key in insertMany writes nothing after the failure (ordered) and reports the key', async () => {
    const { User } = models()
    const err = await User.insertMany([
      { name: '1', email: 'one@x' },
      { name: '2', email: 'one@x' },
      { name: '3', email: 'three@x' },
    ]).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 11000 })
    expect((err as { writeErrors: { index: number }[] }).writeErrors.map((w) => w.index)).toEqual([
      1,
    ])
    expect((await snapshot(User)).map((u: { email: string }) => u.email)).toEqual(['one@x'])
  })
})
