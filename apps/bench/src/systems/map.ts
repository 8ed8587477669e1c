/**
 * "The physical limit": a `Map` of documents plus an email → id `Map`, doing the least a database
 * must do. Every call is async and awaited, documents are copied on the way in and out (a database
 * must not hand out or keep the caller's objects), and insert checks the email is unique.
 */
import type { UserDoc } from '../data.js'
import type { BenchSystem } from './types.js'

interface Stored extends UserDoc {
  _id: number
}

// A hand-written copy of the known shape: what a schema-aware store could compile.
function copy(doc: UserDoc, id: number): Stored {
  return {
    _id: id,
    name: doc.name,
    email: doc.email,
    age: doc.age,
    city: doc.city,
    tags: doc.tags.slice(),
    createdAt: new Date(doc.createdAt.getTime()),
    profile: { bio: doc.profile.bio, score: doc.profile.score },
  }
}

/** The Map baseline. */
export class MapSystem implements BenchSystem {
  readonly name = 'map'
  readonly persistent = false
  #docs = new Map<number, Stored>()
  #byEmail = new Map<string, number>()
  #nextId = 1

  async open(): Promise<void> {
    this.#docs = new Map()
    this.#byEmail = new Map()
    this.#nextId = 1
  }

  async insertMany(docs: readonly UserDoc[]): Promise<void> {
    // Check every key first so a duplicate leaves nothing half-written, as a database must.
    const seen = new Set<string>()
    for (const doc of docs) {
      if (this.#byEmail.has(doc.email) || seen.has(doc.email))
        throw new Error(`duplicate email ${doc.email}`)
      seen.add(doc.email)
    }
    for (const doc of docs) {
      const stored = copy(doc, this.#nextId++)
      this.#docs.set(stored._id, stored)
      this.#byEmail.set(stored.email, stored._id)
    }
  }

  async insertOne(doc: UserDoc): Promise<void> {
    await this.insertMany([doc])
  }

  async findByEmail(email: string): Promise<unknown> {
    const id = this.#byEmail.get(email)
    const doc = id === undefined ? undefined : this.#docs.get(id)
    return doc === undefined ? undefined : copy(doc, doc._id)
  }

  async findScoreRange(min: number, max: number): Promise<unknown[]> {
    const out: Stored[] = []
    for (const doc of this.#docs.values()) {
      const score = doc.profile.score
      if (score >= min && score < max) out.push(copy(doc, doc._id))
    }
    return out
  }

  async updateByEmail(email: string, age: number): Promise<void> {
    const id = this.#byEmail.get(email)
    const doc = id === undefined ? undefined : this.#docs.get(id)
    if (doc === undefined) return
    // Copy-on-write, so a failed update could never leave a half-changed document behind.
    const next = copy(doc, doc._id)
    next.age = age
    next.profile.score += 1
    this.#docs.set(doc._id, next)
  }

  async close(): Promise<void> {
    this.#docs = new Map()
    this.#byEmail = new Map()
  }
}
