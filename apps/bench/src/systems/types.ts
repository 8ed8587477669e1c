/**
 * The interface every benchmarked store implements, so one operation drives memgoose, the Map
 * baseline, lokijs and the raw SQLite/WiredTiger bindings alike. Every call is awaited by the
 * operations, including on stores whose API is synchronous.
 */
import type { OrderDoc, UserDoc } from '../data.js'

/** One benchmarked store. */
export interface BenchSystem {
  /** Short name used in tables, `--only` and the JSON (`memory`, `map`, `sqlite-raw`, ...). */
  readonly name: string
  /** True for stores that keep data on disk (they also run the persistence operations). */
  readonly persistent: boolean
  /** Opens an empty store; persistent stores keep their files in `dir`. */
  open(dir: string): Promise<void>
  /** Inserts every document in one bulk call (one transaction where the store has them). */
  insertMany(docs: readonly UserDoc[]): Promise<void>
  /** The user with `email` as a plain copy (lean), or undefined. */
  findByEmail(email: string): Promise<unknown>
  /** The user with `email` as the store's rich document type (memgoose's hydrated Document). */
  findByEmailHydrated?(email: string): Promise<unknown>
  /** Users with `min <= profile.score < max` (no index on that path), as plain copies. */
  findScoreRange(min: number, max: number): Promise<unknown[]>
  /** `$set` age and `$inc` profile.score by 1 on the user with `email`. */
  updateByEmail(email: string, age: number): Promise<void>
  /** Inserts one document (persistent stores: the awaited single-insert workload). */
  insertOne?(doc: UserDoc): Promise<void>
  /** Closes and opens the same files again (persistent stores). */
  reopen?(): Promise<void>
  /** Closes the store; a later `open` starts empty. */
  close(): Promise<void>
}

/** A store that runs the aggregation workloads (issue 7). */
export interface AggregateSystem {
  readonly name: string
  /** Loads the users and orders (not timed). */
  load(users: readonly UserDoc[], orders: readonly OrderDoc[], dir: string): Promise<void>
  /** `$group` users by city with `$avg` age, `$sum` 1 and `$sum` profile.score. */
  groupByCity(): Promise<CityStats[]>
  /** Every order with its user joined in as `user: [UserDoc]`. */
  lookupOrders(): Promise<unknown[]>
  close(): Promise<void>
}

/** One row of the `$group` by city. */
export interface CityStats {
  _id: string
  avgAge: number
  count: number
  totalScore: number
}

/** A system that could not be loaded, with the reason printed instead of its numbers. */
export interface SkippedSystem {
  readonly name: string
  readonly reason: string
}
