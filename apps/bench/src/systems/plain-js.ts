/**
 * The aggregation workloads written by hand over plain arrays: the reference the aggregation
 * pipeline of the memory engine is measured against (issue 7: ≤ 3× plain JS).
 */
import type { OrderDoc, UserDoc } from '../data.js'
import type { AggregateSystem, CityStats } from './types.js'

/** Hand-written `$group` and `$lookup`. */
export class PlainJsAggregate implements AggregateSystem {
  readonly name = 'plain-js'
  #users: readonly UserDoc[] = []
  #orders: readonly OrderDoc[] = []

  async load(users: readonly UserDoc[], orders: readonly OrderDoc[]): Promise<void> {
    this.#users = users
    this.#orders = orders
  }

  async groupByCity(): Promise<CityStats[]> {
    const groups = new Map<string, { ageSum: number; count: number; totalScore: number }>()
    for (const user of this.#users) {
      let group = groups.get(user.city)
      if (group === undefined)
        groups.set(user.city, (group = { ageSum: 0, count: 0, totalScore: 0 }))
      group.ageSum += user.age
      group.count++
      group.totalScore += user.profile.score
    }
    const out: CityStats[] = []
    for (const [city, g] of groups) {
      out.push({ _id: city, avgAge: g.ageSum / g.count, count: g.count, totalScore: g.totalScore })
    }
    return out
  }

  async lookupOrders(): Promise<unknown[]> {
    const byEmail = new Map<string, UserDoc>()
    for (const user of this.#users) byEmail.set(user.email, user)
    return this.#orders.map((order) => {
      const user = byEmail.get(order.userEmail)
      return { ...order, user: user === undefined ? [] : [user] }
    })
  }

  async close(): Promise<void> {
    this.#users = []
    this.#orders = []
  }
}
