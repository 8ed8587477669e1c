/** mingo (MongoDB's query language over JS arrays) running the same pipelines as memgoose. */
import { aggregate } from 'mingo'
import type { OrderDoc, UserDoc } from '../data.js'
import type { AggregateSystem, CityStats } from './types.js'

/** mingo's `aggregate` over the plain arrays. */
export class MingoAggregate implements AggregateSystem {
  readonly name = 'mingo'
  #users: UserDoc[] = []
  #orders: OrderDoc[] = []

  async load(users: readonly UserDoc[], orders: readonly OrderDoc[]): Promise<void> {
    this.#users = users as UserDoc[]
    this.#orders = orders as OrderDoc[]
  }

  async groupByCity(): Promise<CityStats[]> {
    return aggregate(this.#users, [
      {
        $group: {
          _id: '$city',
          avgAge: { $avg: '$age' },
          count: { $sum: 1 },
          totalScore: { $sum: '$profile.score' },
        },
      },
    ]) as unknown as CityStats[]
  }

  async lookupOrders(): Promise<unknown[]> {
    return aggregate(this.#orders, [
      {
        $lookup: { from: this.#users, localField: 'userEmail', foreignField: 'email', as: 'user' },
      },
    ])
  }

  async close(): Promise<void> {
    this.#users = []
    this.#orders = []
  }
}
