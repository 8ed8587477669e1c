/**
 * The aggregation workloads of issue 7: `$group` by city over N (and, with --big, 1M) users and a
 * `$lookup` of orders to users, on every memgoose engine beside plain JS and mingo. Every system's
 * answer is checked against plain JS, so a fast wrong answer cannot pass unnoticed.
 */
import { generateOrders, generateUsers, type OrderDoc, type UserDoc } from '../data.js'
import { PlainJsAggregate } from '../systems/plain-js.js'
import type { AggregateSystem, CityStats } from '../systems/types.js'
import { freshDir, measureMedian, type Context } from './context.js'

function sameGroups(actual: CityStats[], expected: CityStats[]): boolean {
  if (actual.length !== expected.length) return false
  const byCity = new Map(expected.map((g) => [g._id, g]))
  return actual.every((g) => {
    const e = byCity.get(g._id)
    return (
      e !== undefined &&
      e.count === g.count &&
      Math.abs(e.avgAge - g.avgAge) < 1e-9 &&
      Math.abs(e.totalScore - g.totalScore) < 1e-6 * Math.max(1, e.totalScore)
    )
  })
}

function joinedAll(out: unknown[], orders: number): boolean {
  return out.length === orders && out.every((o) => (o as { user?: unknown[] }).user?.length === 1)
}

async function runOne(
  system: AggregateSystem,
  ctx: Context,
  data: { users: UserDoc[]; orders: OrderDoc[]; expected: CityStats[] },
  withLookup: boolean,
  groupOp: string
): Promise<void> {
  const { runs } = ctx.settings
  const size = data.users.length
  await system.load(data.users, data.orders, await freshDir(ctx, system.name, `aggregate-${size}`))
  try {
    const groups = await measureMedian(
      ctx,
      groupOp,
      system.name,
      `$group by city over ${size}`,
      runs,
      () => system.groupByCity()
    )
    if (!sameGroups(groups, data.expected))
      throw new Error(`${system.name}: $group result differs from plain JS`)
    if (withLookup) {
      const joined = await measureMedian(
        ctx,
        'aggLookup',
        system.name,
        `$lookup ${data.orders.length} orders`,
        runs,
        () => system.lookupOrders()
      )
      if (!joinedAll(joined, data.orders.length))
        throw new Error(`${system.name}: $lookup result is incomplete`)
    }
  } finally {
    await system.close()
  }
}

/** Runs the aggregation workloads on `systems`; a failing system is reported through `failed`. */
export async function runAggregation(
  systems: AggregateSystem[],
  ctx: Context,
  failed: (name: string, error: unknown) => void
): Promise<void> {
  const { n, orders, big, seed } = ctx.settings
  const sizes = big > 0 ? [n, big] : [n]
  for (const size of sizes) {
    const users = generateUsers(size, seed)
    const data = {
      users,
      orders: size === n ? generateOrders(orders, size, seed) : [],
      expected: [] as CityStats[],
    }
    const reference = new PlainJsAggregate()
    await reference.load(users, data.orders)
    data.expected = await reference.groupByCity()
    for (const system of systems) {
      try {
        await runOne(system, ctx, data, size === n, size === n ? 'aggGroup' : 'aggGroupBig')
      } catch (error) {
        failed(`${system.name} (aggregation over ${size})`, error)
      }
    }
  }
}
