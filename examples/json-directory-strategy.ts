/**
 * A custom storage backend written to the simple StorageStrategy interface: one directory per
 * collection, one JSON file per document (Extended JSON, so Dates and ObjectIds survive).
 * memgoose keeps the documents in memory for queries and writes every change through to the files.
 *
 * Run: npx tsx examples/json-directory-strategy.ts [directory]
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EJSON } from 'bson'
import { createDatabase, Schema, type StorageStrategy } from 'memgoose'

type Doc = Record<string, unknown>

/** File name for a document id: hex/alphanumeric ids as they are, anything else hex-encoded. */
function fileFor(id: unknown): string {
  const text =
    typeof id === 'object' && id !== null && 'toHexString' in id
      ? (id as { toHexString(): string }).toHexString()
      : String(id)
  const safe = /^[A-Za-z0-9_-]{1,100}$/.test(text) ? text : Buffer.from(text).toString('hex')
  return `${safe}.json`
}

/** Stores each document of one collection as `<dir>/<id>.json`. */
export function jsonDirectoryStrategy(dir: string): StorageStrategy {
  const write = (doc: Doc) => {
    const target = join(dir, fileFor(doc._id))
    // Write-then-rename so a crash never leaves a half-written document.
    writeFileSync(`${target}.tmp`, EJSON.stringify(doc, { relaxed: false }))
    renameSync(`${target}.tmp`, target)
  }
  return {
    async initialize() {
      mkdirSync(dir, { recursive: true })
    },
    async getAll() {
      return readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => EJSON.parse(readFileSync(join(dir, f), 'utf8'), { relaxed: false }) as Doc)
    },
    async insert(doc) {
      write(doc)
    },
    async insertMany(docs) {
      docs.forEach(write)
    },
    async update(_id, doc) {
      write(doc)
    },
    async delete(id) {
      rmSync(join(dir, fileFor(id)), { force: true })
    },
    async deleteMany(ids) {
      for (const id of ids) rmSync(join(dir, fileFor(id)), { force: true })
    },
    async clear() {
      rmSync(dir, { recursive: true, force: true })
      mkdirSync(dir, { recursive: true })
    },
  }
}

const root = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'memgoose-json-'))
const storage = (collection: string) => jsonDirectoryStrategy(join(root, collection))
const userSchema = new Schema({ name: String, joined: Date, visits: Number })

// First run: write some documents.
const first = await createDatabase({ storage })
const User = first.model('User', userSchema)
await User.create([
  { name: 'Ada', joined: new Date('2024-01-02'), visits: 3 },
  { name: 'Linus', joined: new Date('2024-03-04'), visits: 1 },
])
await User.updateOne({ name: 'Linus' }, { $inc: { visits: 10 } })
await first.close()

// Second run: a new database reads the files back.
const second = await createDatabase({ storage })
const Again = second.model('User', userSchema)
const users = await Again.find().sort({ visits: -1 }).lean()
for (const u of users)
  console.log(
    `${u.name} joined ${(u.joined as Date).toISOString().slice(0, 10)}, ${u.visits} visits`
  )
console.log(`${readdirSync(join(root, 'users')).length} files in ${join(root, 'users')}`)
await second.close()
if (process.argv[2] === undefined) rmSync(root, { recursive: true, force: true })
