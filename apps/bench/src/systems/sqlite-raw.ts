/**
 * Raw better-sqlite3, the bar memgoose-sqlite is measured against: the same table shape (integer
 * rowid, a 12-byte id, the document as JSON text), expression indexes on email (unique), age and
 * city, prepared statements, one transaction for the bulk insert, WAL + `synchronous=NORMAL` (what
 * durability `os` means) and the same page cache as memgoose-sqlite's default.
 */
import { join } from 'node:path'
import type { UserDoc } from '../data.js'
import { decodeUser, encodeUser, newId } from './raw-codec.js'
import type { BenchSystem } from './types.js'

/** The subset of better-sqlite3 used here. */
interface Statement {
  run(...params: unknown[]): unknown
  get(...params: unknown[]): unknown
  pluck(): Statement
  all(...params: unknown[]): unknown[]
}
interface Sqlite {
  pragma(source: string): unknown
  exec(source: string): unknown
  prepare(source: string): Statement
  transaction<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void
  close(): void
}
/** better-sqlite3's default export. */
export type SqliteConstructor = new (file: string) => Sqlite

interface Statements {
  insert: Statement
  byEmail: Statement
  range: Statement
  update: Statement
}

/** Raw better-sqlite3. */
export class SqliteRawSystem implements BenchSystem {
  readonly name = 'sqlite-raw'
  readonly persistent = true
  readonly #Database: SqliteConstructor
  #db: Sqlite | undefined
  #st: Statements | undefined
  #file = ''

  constructor(Database: SqliteConstructor) {
    this.#Database = Database
  }

  #statements(): Statements {
    if (this.#st === undefined) throw new Error('sqlite-raw: not open')
    return this.#st
  }

  #connect(): void {
    const db = new this.#Database(this.#file)
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('cache_size = -16000')
    db.exec(`
      CREATE TABLE IF NOT EXISTS users (rid INTEGER PRIMARY KEY, id BLOB NOT NULL UNIQUE, doc TEXT NOT NULL);
      CREATE UNIQUE INDEX IF NOT EXISTS users_email ON users (json_extract(doc, '$.email'));
      CREATE INDEX IF NOT EXISTS users_age ON users (json_extract(doc, '$.age'));
      CREATE INDEX IF NOT EXISTS users_city ON users (json_extract(doc, '$.city'));
    `)
    this.#db = db
    this.#st = {
      insert: db.prepare('INSERT INTO users (id, doc) VALUES (?, ?)'),
      byEmail: db.prepare("SELECT doc FROM users WHERE json_extract(doc, '$.email') = ?").pluck(),
      range: db
        .prepare(
          "SELECT doc FROM users WHERE json_extract(doc, '$.profile.score') >= ? AND json_extract(doc, '$.profile.score') < ?"
        )
        .pluck(),
      update: db.prepare(
        "UPDATE users SET doc = json_set(doc, '$.age', ?, '$.profile.score', json_extract(doc, '$.profile.score') + 1) WHERE json_extract(doc, '$.email') = ?"
      ),
    }
  }

  async open(dir: string): Promise<void> {
    this.#file = join(dir, 'raw.sqlite')
    this.#connect()
  }

  async insertMany(docs: readonly UserDoc[]): Promise<void> {
    const { insert } = this.#statements()
    const db = this.#db as Sqlite
    db.transaction(() => {
      for (const doc of docs) {
        const id = newId()
        insert.run(id, encodeUser(doc, id))
      }
    })()
  }

  async insertOne(doc: UserDoc): Promise<void> {
    const id = newId()
    this.#statements().insert.run(id, encodeUser(doc, id))
  }

  async findByEmail(email: string): Promise<unknown> {
    const text = this.#statements().byEmail.get(email) as string | undefined
    return text === undefined ? undefined : decodeUser(text)
  }

  async findScoreRange(min: number, max: number): Promise<unknown[]> {
    return (this.#statements().range.all(min, max) as string[]).map(decodeUser)
  }

  async updateByEmail(email: string, age: number): Promise<void> {
    this.#statements().update.run(age, email)
  }

  async reopen(): Promise<void> {
    await this.close()
    this.#connect()
  }

  async close(): Promise<void> {
    this.#db?.close()
    this.#db = undefined
    this.#st = undefined
  }
}
