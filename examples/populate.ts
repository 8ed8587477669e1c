/**
 * Populate: single and array refs, nested populate and virtual populate, each resolved with one
 * batched read per path.
 *
 * Run: npx tsx examples/populate.ts
 */
import mongoose, { Schema } from 'memgoose'

const db = await mongoose.createDatabase()

const authorSchema = new Schema({
  name: String,
  mentor: { type: Schema.Types.ObjectId, ref: 'Author' },
})
authorSchema.virtual('books', { ref: 'Book', localField: '_id', foreignField: 'author' })
const Author = db.model('Author', authorSchema)
const Book = db.model(
  'Book',
  new Schema({
    title: String,
    author: { type: Schema.Types.ObjectId, ref: 'Author' },
    reviewers: [{ type: Schema.Types.ObjectId, ref: 'Author' }],
  })
)

const ursula = await Author.create({ name: 'Ursula' })
const iain = await Author.create({ name: 'Iain', mentor: ursula._id })
await Book.create([
  { title: 'The Dispossessed', author: ursula._id, reviewers: [iain._id] },
  { title: 'Excession', author: iain._id, reviewers: [ursula._id, iain._id] },
])

const books = await Book.find()
  .sort({ title: 1 })
  .populate({ path: 'author', select: 'name mentor', populate: { path: 'mentor', select: 'name' } })
  .populate('reviewers', 'name')
for (const book of books) {
  const mentor = book.author.mentor ? `, mentored by ${book.author.mentor.name}` : ''
  const reviewers = book.reviewers.map((r: { name: string }) => r.name).join(' & ')
  console.log(`${book.title} by ${book.author.name}${mentor}; reviewed by ${reviewers}`)
}

const withBooks = await Author.findById(ursula._id).populate('books')
console.log(
  `${withBooks.name} wrote ${withBooks.books.map((b: { title: string }) => b.title).join(', ')}`
)
console.log(
  `populated() keeps the id: ${String(books[1].populated('author')) === String(ursula._id)}`
)

await db.close()
