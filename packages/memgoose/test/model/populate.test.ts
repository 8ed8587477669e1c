import { describe, expect, it } from 'vitest'
import { Schema, Document } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function models() {
  const User = ctx.db.model(
    'User',
    new Schema({
      name: String,
      age: Number,
      friends: [{ type: Schema.Types.ObjectId, ref: 'User' }],
    })
  )
  const Post = ctx.db.model(
    'Post',
    new Schema({
      title: String,
      author: { type: Schema.Types.ObjectId, ref: 'User' },
      fans: [{ type: Schema.Types.ObjectId, ref: 'User' }],
      meta: { editor: { type: Schema.Types.ObjectId, ref: 'User' } },
      comments: [{ text: String, by: { type: Schema.Types.ObjectId, ref: 'User' } }],
    })
  )
  return { User, Post }
}

async function seed() {
  const { User, Post } = models()
  const [ann, bob, cid] = await User.create([
    { name: 'ann', age: 30 },
    { name: 'bob', age: 20 },
    { name: 'cid', age: 40 },
  ])
  const post = await Post.create({
    title: 'p1',
    author: ann._id,
    fans: [bob._id, cid._id, ann._id],
    meta: { editor: bob._id },
    comments: [
      { text: 'hi', by: cid._id },
      { text: 'yo', by: ann._id },
    ],
  })
  return { User, Post, ann, bob, cid, post }
}

describe('populate', () => {
  it('replaces a single ref with the referenced document', async () => {
    const { Post, ann } = await seed()
    const post = await Post.findOne().populate('author')
    expect(post.author).toBeInstanceOf(Document)
    expect(post.author.name).toBe('ann')
    expect(post.populated('author')).toEqual(ann._id)
  })

  it('array refs keep their order; missing refs are dropped from arrays and null for single refs', async () => {
    const { Post, User, bob } = await seed()
    await User.deleteOne({ name: 'cid' })
    const post = await Post.findOne().populate('fans')
    expect(post.fans.map((u: any) => u.name)).toEqual(['bob', 'ann'])
    await User.deleteOne({ name: 'ann' })
    const again = await Post.findOne().populate('author')
    expect(again.author).toBeNull()
    expect(bob).toBeDefined()
  })

  it('select, match and options (sort, limit, skip)', async () => {
    const { Post } = await seed()
    const selected = await Post.findOne().populate({ path: 'author', select: 'name' })
    expect(selected.author.name).toBe('ann')
    expect(selected.author.age).toBeUndefined()
    const two = await Post.findOne().populate('author', 'age')
    expect(two.author.age).toBe(30)
    expect(two.author.name).toBeUndefined()
    const matched = await Post.findOne().populate({ path: 'fans', match: { age: { $gte: 30 } } })
    expect(matched.fans.map((u: any) => u.name)).toEqual(['cid', 'ann'])
    const sorted = await Post.findOne().populate({ path: 'fans', options: { sort: { age: -1 } } })
    expect(sorted.fans.map((u: any) => u.name)).toEqual(['cid', 'ann', 'bob'])
    const limited = await Post.findOne().populate({
      path: 'fans',
      options: { sort: { name: 1 }, skip: 1, limit: 1 },
    })
    expect(limited.fans.map((u: any) => u.name)).toEqual(['bob'])
    const noMatch = await Post.findOne().populate({ path: 'author', match: { age: 99 } })
    expect(noMatch.author).toBeNull()
  })

  it('perDocumentLimit limits each document separately', async () => {
    const { Post, ann, bob, cid } = await seed()
    await Post.create({ title: 'p2', fans: [cid._id, bob._id, ann._id] })
    const posts = await Post.find()
      .sort({ title: 1 })
      .populate({ path: 'fans', perDocumentLimit: 2 })
    expect(posts.map((p: any) => p.fans.map((u: any) => u.name))).toEqual([
      ['bob', 'cid'],
      ['cid', 'bob'],
    ])
  })

  it('nested paths and paths inside arrays of subdocuments', async () => {
    const { Post } = await seed()
    const post = await Post.findOne().populate('meta.editor').populate('comments.by')
    expect(post.meta.editor.name).toBe('bob')
    expect(post.comments.map((c: any) => c.by.name)).toEqual(['cid', 'ann'])
    expect(post.comments[0].text).toBe('hi')
  })

  it('nested populate (populate inside populate)', async () => {
    const { Post, User, ann, bob, cid } = await seed()
    await User.updateOne({ _id: ann._id }, { friends: [bob._id, cid._id] })
    const post = await Post.findOne().populate({
      path: 'author',
      populate: { path: 'friends', select: 'name' },
    })
    expect(post.author.friends.map((f: any) => f.name)).toEqual(['bob', 'cid'])
  })

  it('explicit model (name or class) and strictPopulate', async () => {
    const { User } = models()
    const Note = ctx.db.model('Note', new Schema({ owner: Schema.Types.ObjectId }))
    const u = await User.create({ name: 'zed' })
    await Note.create({ owner: u._id })
    expect((await Note.findOne().populate({ path: 'owner', model: 'User' })).owner.name).toBe('zed')
    expect((await Note.findOne().populate({ path: 'owner', model: User })).owner.name).toBe('zed')
    await expect(Note.findOne().populate('nothere')).rejects.toThrow(/strictPopulate/)
    await expect(
      Note.findOne().populate({ path: 'nothere', strictPopulate: false })
    ).resolves.toBeTruthy()
  })

  it('String and Number _id refs', async () => {
    const Tag = ctx.db.model('Tag', new Schema({ _id: String, label: String }))
    const Num = ctx.db.model('Num', new Schema({ _id: Number, label: String }))
    const Item = ctx.db.model(
      'Item',
      new Schema({ tag: { type: String, ref: 'Tag' }, nums: [{ type: Number, ref: 'Num' }] })
    )
    await Tag.create({ _id: 'red', label: 'Red' })
    await Num.create([
      { _id: 1, label: 'one' },
      { _id: 2, label: 'two' },
    ])
    await Item.create({ tag: 'red', nums: [2, 1] })
    const item = await Item.findOne().populate('tag nums')
    expect(item.tag.label).toBe('Red')
    expect(item.nums.map((n: any) => n.label)).toEqual(['two', 'one'])
  })

  it('refPath picks the model per document', async () => {
    const Photo = ctx.db.model('Photo', new Schema({ url: String }))
    const Video = ctx.db.model('Video', new Schema({ url: String }))
    const Like = ctx.db.model(
      'Like',
      new Schema({
        on: { type: Schema.Types.ObjectId, refPath: 'kind' },
        kind: { type: String, enum: ['Photo', 'Video'] },
      })
    )
    const p = await Photo.create({ url: 'p.jpg' })
    const v = await Video.create({ url: 'v.mp4' })
    await Like.create([
      { on: p._id, kind: 'Photo' },
      { on: v._id, kind: 'Video' },
    ])
    const likes = await Like.find().sort({ kind: 1 }).populate('on')
    expect(likes.map((l: any) => l.on.url)).toEqual(['p.jpg', 'v.mp4'])
  })

  it('lean populate gives plain objects', async () => {
    const { Post } = await seed()
    const post = await Post.findOne().populate('author').lean()
    expect(post.author).not.toBeInstanceOf(Document)
    expect(post.author.name).toBe('ann')
  })

  it('doc.populate(), populated(), depopulate() and saving a populated document stores ids', async () => {
    const { Post, ann } = await seed()
    const post = await Post.findOne()
    expect(post.populated('author')).toBeUndefined()
    await post.populate('author')
    expect(post.author.name).toBe('ann')
    await post.populate(['fans', { path: 'meta.editor', select: 'name' }])
    expect(post.fans).toHaveLength(3)
    post.title = 'changed'
    await post.save()
    const raw = await Post.findById(post._id).lean()
    expect(raw!.author).toEqual(ann._id)
    expect(raw!.title).toBe('changed')
    post.depopulate('author')
    expect(post.author).toEqual(ann._id)
    expect(post.populated('author')).toBeUndefined()
    expect(post.toObject().fans[0].name).toBe('bob')
    expect(post.toObject({ depopulate: true }).fans[0]).toEqual(post.populated('fans')[0])
  })

  it('Model.populate works on documents and plain objects', async () => {
    const { Post, User } = await seed()
    const plain = await Post.find().lean()
    await User.populate(plain, { path: 'author', model: 'User' })
    expect(plain[0].author.name).toBe('ann')
    const docs = await Post.find()
    const out = await Post.populate(docs, { path: 'fans', select: 'name' })
    expect(out[0].fans.map((u: any) => u.name)).toEqual(['bob', 'cid', 'ann'])
  })

  it('virtual populate: localField/foreignField, justOne and count', async () => {
    const authorSchema = new Schema({ name: String }, { toJSON: { virtuals: true } })
    authorSchema.virtual('books', { ref: 'Book', localField: '_id', foreignField: 'author' })
    authorSchema.virtual('firstBook', {
      ref: 'Book',
      localField: '_id',
      foreignField: 'author',
      justOne: true,
      options: { sort: { title: 1 } },
    })
    authorSchema.virtual('bookCount', {
      ref: 'Book',
      localField: '_id',
      foreignField: 'author',
      count: true,
    })
    const Author = ctx.db.model('Author', authorSchema)
    const Book = ctx.db.model('Book', new Schema({ title: String, author: Schema.Types.ObjectId }))
    const a = await Author.create({ name: 'a' })
    const b = await Author.create({ name: 'b' })
    await Book.create([
      { title: 'z', author: a._id },
      { title: 'm', author: a._id },
    ])
    const authors = await Author.find()
      .sort({ name: 1 })
      .populate('books')
      .populate('firstBook')
      .populate('bookCount')
    expect(authors[0].books.map((x: any) => x.title).sort()).toEqual(['m', 'z'])
    expect(authors[0].firstBook.title).toBe('m')
    expect(authors[0].bookCount).toBe(2)
    expect(authors[1].books).toEqual([])
    expect(authors[1].firstBook).toBeNull()
    expect(authors[1].bookCount).toBe(0)
    expect(authors[0].toJSON().books).toHaveLength(2)
    const selected = await Author.findById(a._id).populate({ path: 'books', select: 'title' })
    expect(selected.books).toHaveLength(2)
    expect(b).toBeDefined()
  })

  it('makes one batched read per path and level (no N+1)', async () => {
    const { User, Post } = models()
    const users = await User.create([{ name: 'u1' }, { name: 'u2' }, { name: 'u3' }])
    await User.updateMany({}, { friends: users.map((u: any) => u._id) })
    for (let i = 0; i < 10; i++)
      await Post.create({
        title: `p${i}`,
        author: users[i % 3]._id,
        fans: [users[0]._id, users[1]._id],
      })
    const store = await (ctx.db as any).storeFor(User.$__model)
    const collection = store.collection
    let reads = 0
    for (const method of ['scan', 'get', 'count'] as const) {
      const original = collection[method]
      collection[method] = function (this: unknown, ...args: unknown[]) {
        reads++
        return original.apply(this, args)
      }
    }
    const posts = await Post.find()
      .populate('author')
      .populate({ path: 'fans', populate: { path: 'friends' } })
    expect(posts).toHaveLength(10)
    expect(posts[9].fans[1].friends[2].name).toBe('u3')
    // author (1 read), fans (1 read), fans.friends (1 read) on the users collection.
    expect(reads).toBe(3)
  })
})
