/**
 * The raw memgoose-wiredtiger binding, the bar the memgoose-wiredtiger engine is measured against:
 * the same key/value shape a document engine needs (id → JSON document; email → id, unique;
 * age+id and city+id index entries), one transaction for the bulk insert and one per update, the
 * log on and commits reaching the OS (durability `os`), and memgoose-wiredtiger's defaults: snappy
 * block compression and a 500 MB cache.
 */
import type { UserDoc } from '../data.js'
import { decodeUser, encodeUser, newId, type RawUser } from './raw-codec.js'
import type { BenchSystem } from './types.js'

/** The subset of the binding used here (structural, so no build of its types is needed). */
interface Cursor {
  get(key: Uint8Array): Buffer | undefined
  put(key: Uint8Array, value: Uint8Array): void
  insert(key: Uint8Array, value: Uint8Array): void
  remove(key: Uint8Array): boolean
  scanSync(options?: { values?: boolean; keys?: boolean }): [Buffer, Buffer][]
}
interface Session {
  begin(): void
  commit(): void
  rollback(): void
  createTable(name: string, options?: { compressor?: string }): void
  openCursor(name: string): Cursor
  close(): void
}
interface Connection {
  openSession(): Session
  close(): Promise<void>
}
/** The binding's `openConnection`. */
export type OpenConnection = (
  home: string,
  options?: { cacheSize?: string; transactionSync?: string }
) => Promise<Connection>

const EMPTY = Buffer.alloc(0)
const TABLES = ['users', 'users_email', 'users_age', 'users_city'] as const

function ageKey(age: number, id: Buffer): Buffer {
  const key = Buffer.allocUnsafe(4 + id.length)
  key.writeUInt32BE(age, 0)
  id.copy(key, 4)
  return key
}

function cityKey(city: string, id: Buffer): Buffer {
  return Buffer.concat([Buffer.from(city + '\0'), id])
}

/** Raw WiredTiger. */
export class WiredTigerRawSystem implements BenchSystem {
  readonly name: string
  readonly persistent = true
  readonly #openConnection: OpenConnection
  readonly #compressor: string
  #conn: Connection | undefined
  #session: Session | undefined
  #cursors: Record<(typeof TABLES)[number], Cursor> | undefined
  #home = ''

  constructor(openConnection: OpenConnection, compressor = 'snappy') {
    this.#openConnection = openConnection
    this.#compressor = compressor
    this.name = 'wiredtiger-raw'
  }

  /** The same system with tables created with block compressor `compressor`. */
  withCompressor(compressor: string): WiredTigerRawSystem {
    return new WiredTigerRawSystem(this.#openConnection, compressor)
  }

  #c(): Record<(typeof TABLES)[number], Cursor> {
    if (this.#cursors === undefined) throw new Error(`${this.name}: not open`)
    return this.#cursors
  }

  async #connect(): Promise<void> {
    this.#conn = await this.#openConnection(this.#home, {
      cacheSize: '500MB',
      transactionSync: 'none',
    })
    const session = this.#conn.openSession()
    for (const table of TABLES) session.createTable(table, { compressor: this.#compressor })
    this.#session = session
    this.#cursors = {
      users: session.openCursor('users'),
      users_email: session.openCursor('users_email'),
      users_age: session.openCursor('users_age'),
      users_city: session.openCursor('users_city'),
    }
  }

  async open(dir: string): Promise<void> {
    this.#home = dir
    await this.#connect()
  }

  #insert(doc: UserDoc): void {
    const c = this.#c()
    const id = newId()
    c.users_email.insert(Buffer.from(doc.email), id)
    c.users.insert(id, Buffer.from(encodeUser(doc, id)))
    c.users_age.insert(ageKey(doc.age, id), EMPTY)
    c.users_city.insert(cityKey(doc.city, id), EMPTY)
  }

  #transaction(fn: () => void): void {
    const session = this.#session as Session
    session.begin()
    try {
      fn()
    } catch (error) {
      session.rollback()
      throw error
    }
    session.commit()
  }

  async insertMany(docs: readonly UserDoc[]): Promise<void> {
    this.#transaction(() => {
      for (const doc of docs) this.#insert(doc)
    })
  }

  async insertOne(doc: UserDoc): Promise<void> {
    this.#transaction(() => this.#insert(doc))
  }

  #lookup(email: string): { id: Buffer; doc: RawUser } | undefined {
    const c = this.#c()
    const id = c.users_email.get(Buffer.from(email))
    const value = id === undefined ? undefined : c.users.get(id)
    return id === undefined || value === undefined
      ? undefined
      : { id, doc: decodeUser(value.toString()) }
  }

  async findByEmail(email: string): Promise<unknown> {
    return this.#lookup(email)?.doc
  }

  async findScoreRange(min: number, max: number): Promise<unknown[]> {
    const out: RawUser[] = []
    for (const [, value] of this.#c().users.scanSync({ keys: false })) {
      const doc = decodeUser(value.toString())
      if (doc.profile.score >= min && doc.profile.score < max) out.push(doc)
    }
    return out
  }

  async updateByEmail(email: string, age: number): Promise<void> {
    this.#transaction(() => {
      const found = this.#lookup(email)
      if (found === undefined) return
      const { id, doc } = found
      const c = this.#c()
      if (doc.age !== age) {
        c.users_age.remove(ageKey(doc.age, id))
        c.users_age.insert(ageKey(age, id), EMPTY)
      }
      doc.age = age
      doc.profile.score += 1
      const { _id, ...rest } = doc
      c.users.put(id, Buffer.from(encodeUser(rest, Buffer.from(_id, 'hex'))))
    })
  }

  async reopen(): Promise<void> {
    await this.close()
    await this.#connect()
  }

  async close(): Promise<void> {
    this.#session?.close()
    await this.#conn?.close()
    this.#conn = undefined
    this.#session = undefined
    this.#cursors = undefined
  }
}
