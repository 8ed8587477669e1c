/**
 * lokijs, in memory, used the way its documentation shows: a unique index on email (`by()`), a
 * binary index on age, `find` with a dot-path range, `update` of the found object. lokijs hands out
 * its stored objects (no copies) unless collections are created with `clone: true`; the defaults are
 * what its users run, so they are what we compare with.
 */
import Loki from 'lokijs'
import type { UserDoc } from '../data.js'
import type { BenchSystem } from './types.js'

/** The lokijs system. */
export class LokiSystem implements BenchSystem {
  readonly name = 'lokijs'
  readonly persistent = false
  #db: Loki | undefined
  #users: Collection<UserDoc> | undefined

  #collection(): Collection<UserDoc> {
    if (this.#users === undefined) throw new Error('lokijs: not open')
    return this.#users
  }

  async open(): Promise<void> {
    this.#db = new Loki('bench.db')
    this.#users = this.#db.addCollection<UserDoc>('users', { unique: ['email'], indices: ['age'] })
  }

  async insertMany(docs: readonly UserDoc[]): Promise<void> {
    // lokijs keeps (and adds `$loki`/`meta` to) the objects it is given; each run generates its own.
    this.#collection().insert(docs as UserDoc[])
  }

  async findByEmail(email: string): Promise<unknown> {
    return this.#collection().by('email', email)
  }

  async findScoreRange(min: number, max: number): Promise<unknown[]> {
    // lokijs applies one operator per property object: the two bounds go in an $and.
    const query = { $and: [{ 'profile.score': { $gte: min } }, { 'profile.score': { $lt: max } }] }
    return this.#collection().find(query as LokiQuery<UserDoc & LokiObj>)
  }

  async updateByEmail(email: string, age: number): Promise<void> {
    const users = this.#collection()
    const doc = users.by('email', email)
    if (doc === undefined) return
    doc.age = age
    doc.profile.score += 1
    users.update(doc)
  }

  async close(): Promise<void> {
    this.#db?.close()
    this.#db = undefined
    this.#users = undefined
  }
}
