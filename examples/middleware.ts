/**
 * Middleware: document hooks around save and validate (async, next-style and memgoose's ({ doc })
 * form), query hooks that change the query, and error-handling post hooks.
 *
 * Run: npx tsx examples/middleware.ts
 */
import mongoose, { Schema } from 'memgoose'

const db = await mongoose.createDatabase()
const log: string[] = []

const noteSchema = new Schema({
  title: { type: String, required: true },
  slug: { type: String, unique: true },
  deleted: { type: Boolean, default: false },
})
noteSchema.pre('validate', function (this: { title?: string; slug?: string }, next: () => void) {
  this.slug ??= this.title?.toLowerCase().replace(/\s+/g, '-')
  next()
})
noteSchema.pre('save', ({ doc }: { doc: { isNew: boolean; slug: string } }) => {
  log.push(`${doc.isNew ? 'inserting' : 'updating'} ${doc.slug}`)
})
noteSchema.post(
  'save',
  function (err: { code?: number }, _doc: unknown, next: (e?: unknown) => void) {
    next(err.code === 11000 ? new Error('a note with that title exists') : err)
  }
)
noteSchema.pre(/^find/, function (this: { where(f: object): void }) {
  this.where({ deleted: false }) // soft-deleted notes are invisible to every find
})
const Note = db.model('Note', noteSchema)
await Note.init()

await Note.create({ title: 'Hello World' })
await Note.create({ title: 'Second Note' })
const duplicate = await Note.create({ title: 'Hello World' }).catch((e: Error) => e.message)
await Note.updateOne({ slug: 'second-note' }, { deleted: true })

console.log(log.join('; '))
console.log(`duplicate: ${duplicate}`)
console.log(`visible: ${(await Note.find()).map((n: { slug: string }) => n.slug).join(', ')}`)
console.log(`stored: ${await Note.countDocuments()}`)

await db.close()
