import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('aliases in filters and updates (translateAliases)', () => {
  it('translates aliases in filters and updates when translateAliases is set', async () => {
    const M = ctx.db.model('A', new Schema({ n: { type: String, alias: 'name' } }))
    await M.create({ n: 'x' })
    await M.updateOne({ name: 'x' }, { $set: { name: 'y' } }, { translateAliases: true })
    expect(
      await M.findOne({ name: 'y' }).setOptions({ translateAliases: true }).lean()
    ).toMatchObject({ n: 'y' })
    const Translating = ctx.db.model(
      'C',
      new Schema({ n: { type: String, alias: 'name' } }, { translateAliases: true })
    )
    await Translating.create({ n: 'z' })
    expect(await Translating.countDocuments({ name: 'z' })).toBe(1)
  })

  it('leaves alias keys as written by default, as mongoose 8 does', async () => {
    const M = ctx.db.model('D', new Schema({ n: { type: String, alias: 'name' } }))
    await M.create({ n: 'x' })
    expect(await M.countDocuments({ name: 'x' })).toBe(0)
    expect(await M.countDocuments({ n: 'x' })).toBe(1)
  })

  it('translateAliases: false keeps alias keys as written, as mongoose does without the option', async () => {
    const schema = new Schema(
      { n: { type: String, alias: 'name' } },
      { translateAliases: false, strict: true }
    )
    const M = ctx.db.model('B', schema)
    await M.create({ n: 'x' })
    expect(await M.countDocuments({ name: 'x' })).toBe(0)
    expect(await M.countDocuments({ n: 'x' })).toBe(1)
    await M.updateOne({ n: 'x' }, { $set: { name: 'y' } })
    expect(await M.findOne({}).lean()).toMatchObject({ n: 'x' })
  })
})
