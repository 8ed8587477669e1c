/**
 * memgoose through its public API, on any engine: `createDatabase()`, a `User` model with a unique
 * index on email and indexes on city and age, the `Order` model for `$lookup`. The same class runs
 * the memory engine and, given a backend object, memgoose-sqlite and memgoose-wiredtiger.
 */
import type { OrderDoc, UserDoc } from '../data.js'
import type { Memgoose } from '../load.js'
import type { AggregateSystem, BenchSystem, CityStats } from './types.js'

type Database = Awaited<ReturnType<Memgoose['createDatabase']>>
type Model = ReturnType<Database['model']>

/** How to reach one engine: no backend for memory, else the backend object and its option key. */
export interface EngineChoice {
  readonly name: string
  readonly backend?: { readonly name: string }
  readonly persistent: boolean
  /** Extra backend options (e.g. `{ compressor: 'zstd' }`) beside `dataPath`. */
  readonly options?: Readonly<Record<string, unknown>>
}

/** memgoose on one engine; runs both the CRUD and the aggregation workloads. */
export class MemgooseSystem implements BenchSystem, AggregateSystem {
  readonly name: string
  readonly persistent: boolean
  readonly #lib: Memgoose
  readonly #choice: EngineChoice
  #db: Database | undefined
  #users: Model | undefined
  #orders: Model | undefined
  #dir = ''

  constructor(lib: Memgoose, choice: EngineChoice) {
    this.#lib = lib
    this.#choice = choice
    this.name = choice.name
    this.persistent = choice.persistent
  }

  #model(): Model {
    if (this.#users === undefined) throw new Error(`${this.name}: not open`)
    return this.#users
  }

  async #connect(): Promise<void> {
    const { Schema } = this.#lib
    const backend = this.#choice.backend
    this.#db = await this.#lib.createDatabase(
      backend === undefined
        ? { ttlInterval: 0 }
        : {
            storage: backend as never,
            durability: 'os',
            [backend.name]: { ...this.#choice.options, dataPath: this.#dir },
            ttlInterval: 0,
          }
    )
    this.#users = this.#db.model(
      'User',
      new Schema({
        name: String,
        email: { type: String, required: true, unique: true },
        age: { type: Number, index: true },
        city: { type: String, index: true },
        tags: [String],
        createdAt: Date,
        profile: { bio: String, score: Number },
      })
    )
    this.#orders = this.#db.model(
      'Order',
      new Schema({ userEmail: String, amount: Number, items: Number, placedAt: Date })
    )
    await this.#users.init()
    await this.#orders.init()
  }

  /** The same engine with extra backend options. */
  withOptions(options: Readonly<Record<string, unknown>>): MemgooseSystem {
    return new MemgooseSystem(this.#lib, {
      ...this.#choice,
      options: { ...this.#choice.options, ...options },
    })
  }

  async open(dir: string): Promise<void> {
    this.#dir = dir
    await this.#connect()
  }

  async insertMany(docs: readonly UserDoc[]): Promise<void> {
    // mongoose's bulk-load path: values cast and defaulted, no documents built or validated.
    // (Without `lean`, every document is hydrated and validated: see the README for both.)
    await this.#model().insertMany(docs as UserDoc[], { lean: true })
  }

  async insertOne(doc: UserDoc): Promise<void> {
    await this.#model().create(doc)
  }

  async findByEmail(email: string): Promise<unknown> {
    return this.#model().findOne({ email }).lean()
  }

  async findByEmailHydrated(email: string): Promise<unknown> {
    return this.#model().findOne({ email })
  }

  async findScoreRange(min: number, max: number): Promise<unknown[]> {
    return this.#model()
      .find({ 'profile.score': { $gte: min, $lt: max } })
      .lean()
  }

  async updateByEmail(email: string, age: number): Promise<void> {
    await this.#model().updateOne({ email }, { $set: { age }, $inc: { 'profile.score': 1 } })
  }

  async reopen(): Promise<void> {
    await this.close()
    await this.#connect()
  }

  async load(users: readonly UserDoc[], orders: readonly OrderDoc[], dir: string): Promise<void> {
    await this.open(dir)
    await this.#model().insertMany(users as UserDoc[], { lean: true })
    await this.#orders?.insertMany(orders as OrderDoc[], { lean: true })
  }

  async groupByCity(): Promise<CityStats[]> {
    return this.#model().aggregate([
      {
        $group: {
          _id: '$city',
          avgAge: { $avg: '$age' },
          count: { $sum: 1 },
          totalScore: { $sum: '$profile.score' },
        },
      },
    ])
  }

  async lookupOrders(): Promise<unknown[]> {
    if (this.#orders === undefined) throw new Error(`${this.name}: not open`)
    return this.#orders.aggregate([
      { $lookup: { from: 'users', localField: 'userEmail', foreignField: 'email', as: 'user' } },
    ])
  }

  async close(): Promise<void> {
    await this.#db?.close()
    this.#db = undefined
    this.#users = undefined
    this.#orders = undefined
  }
}
