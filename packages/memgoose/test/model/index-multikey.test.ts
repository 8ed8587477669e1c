/**
 * An index becomes multikey when a document stores an array on its path; queries planned after
 * that must still find every document, whatever the index held when it was first planned.
 */
import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

describe('indexes that become multikey', () => {
  it('equality on an indexed field still matches array elements after the first array arrives', async () => {
    const Post = ctx.db.model(
      'Post',
      new Schema({ tag: { type: Schema.Types.Mixed, index: true } })
    )
    await Post.create({ tag: 'a' })
    expect(await Post.countDocuments({ tag: 'a' })).toBe(1)
    await Post.create({ tag: ['a', 'b'] })
    await Post.create({ tag: 'b' })
    const found = await Post.find({ tag: 'a' }).lean()
    expect(found.map((p: { tag: unknown }) => p.tag)).toEqual(
      expect.arrayContaining(['a', ['a', 'b']])
    )
    expect(found).toHaveLength(2)
    const indexes = await Post.listIndexes()
    expect(indexes.find((i: Record<string, unknown>) => i.name === 'tag_1')).toBeDefined()
  })

  it('sorts by an indexed field that holds arrays in MongoDB order', async () => {
    const Post = ctx.db.model('Post', new Schema({ n: { type: Schema.Types.Mixed, index: true } }))
    await Post.create([{ n: 5 }, { n: 1 }])
    expect((await Post.find().sort({ n: 1 }).lean()).map((p: { n: unknown }) => p.n)).toEqual([
      1, 5,
    ])
    await Post.create({ n: [9, 3] })
    // Ascending sorts arrays by their smallest element, descending by their largest.
    expect((await Post.find().sort({ n: 1 }).lean()).map((p: { n: unknown }) => p.n)).toEqual([
      1,
      [9, 3],
      5,
    ])
    expect((await Post.find().sort({ n: -1 }).lean()).map((p: { n: unknown }) => p.n)).toEqual([
      [9, 3],
      5,
      1,
    ])
  })
})
