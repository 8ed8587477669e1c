/**
 * Results never alias stored documents: whatever a caller does to a document, a lean object or an
 * aggregation result, the database only changes through save() and updates.
 */
import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function model() {
  return ctx.db.model(
    'Thing',
    new Schema(
      { name: String, tags: [String], profile: { score: Number }, at: Date },
      { versionKey: false }
    )
  )
}

describe('results are copies', () => {
  it('mutating a hydrated document without saving changes nothing stored', async () => {
    const Thing = model()
    await Thing.create({ name: 'a', tags: ['x'], profile: { score: 1 }, at: new Date(1000) })
    const doc = await Thing.findOne({ name: 'a' })
    doc.profile.score = 99
    doc.tags.push('y')
    ;(doc.at as Date).setTime(5)
    const again = await Thing.findOne({ name: 'a' }).lean()
    expect(again).toMatchObject({ tags: ['x'], profile: { score: 1 }, at: new Date(1000) })
  })

  it('mutating lean results and cursor results changes nothing stored', async () => {
    const Thing = model()
    await Thing.create({ name: 'a', tags: ['x'], profile: { score: 1 } })
    const lean = await Thing.find().lean()
    ;(lean[0].tags as string[]).push('y')
    ;(lean[0].profile as { score: number }).score = 42
    for await (const doc of Thing.find().cursor())
      (doc as { profile: { score: number } }).profile.score = 7
    expect(await Thing.findOne().lean()).toMatchObject({ tags: ['x'], profile: { score: 1 } })
  })

  it('mutating aggregation output changes nothing stored', async () => {
    const Thing = model()
    await Thing.create({ name: 'a', tags: ['x'], profile: { score: 1 } })
    const [matched] = await Thing.aggregate([{ $match: { name: 'a' } }])
    ;(matched.profile as { score: number }).score = 50
    ;(matched.tags as string[]).push('z')
    const [root] = await Thing.aggregate([{ $replaceRoot: { newRoot: '$profile' } }])
    root.score = 60
    expect(await Thing.findOne().lean()).toMatchObject({ tags: ['x'], profile: { score: 1 } })
  })
})
