/**
 * The aggregation workloads of issue 7: `$group` by city over N (and, with --big, 1M) users and a
 * `$lookup` of orders to users, on every memgoose engine beside plain JS and mingo, interleaved.
 * Every system's answer is checked against plain JS, so a fast wrong answer cannot pass unnoticed.
 */
import { generateOrders, generateUsers } from '../data.js'
import { PlainJsAggregate } from '../systems/plain-js.js'
import type { AggregateSystem, CityStats } from '../systems/types.js'
import { freshDir, measureInterleaved, type Context } from './context.js'

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

async function runSize(
  systems: AggregateSystem[],
  ctx: Context,
  size: number,
  withLookup: boolean
): Promise<void> {
  const { runs, orders: orderCount, seed } = ctx.settings
  const users = generateUsers(size, seed)
  const orders = withLookup ? generateOrders(orderCount, size, seed) : []
  const reference = new PlainJsAggregate()
  await reference.load(users, orders)
  const expected = await reference.groupByCity()
  const loaded: AggregateSystem[] = []
  for (const system of systems) {
    try {
      await system.load(users, orders, await freshDir(ctx, system.name, `aggregate-${size}`))
      loaded.push(system)
    } catch (error) {
      ctx.failed(`${system.name} (loading ${size} users)`, error)
    }
  }
  const checked =
    <T>(name: string, run: () => Promise<T>, ok: (value: T) => boolean, what: string) =>
    async (): Promise<T> => {
      const out = await run()
      if (!ok(out)) throw new Error(`${name}: ${what}`)
      return out
    }
  try {
    await measureInterleaved(
      ctx,
      withLookup ? 'aggGroup' : 'aggGroupBig',
      `$group by city over ${size}`,
      loaded.map((s) => ({
        name: s.name,
        run: checked(
          s.name,
          () => s.groupByCity(),
          (g) => sameGroups(g, expected),
          '$group result differs from plain JS'
        ),
      })),
      runs
    )
    if (withLookup) {
      await measureInterleaved(
        ctx,
        'aggLookup',
        `$lookup ${orderCount} orders`,
        loaded.map((s) => ({
          name: s.name,
          run: checked(
            s.name,
            () => s.lookupOrders(),
            (o) => joinedAll(o, orderCount),
            '$lookup result is incomplete'
          ),
        })),
        runs
      )
    }
  } finally {
    for (const system of loaded) await system.close()
  }
}

/** Runs the aggregation workloads on `systems`. */
export async function runAggregation(systems: AggregateSystem[], ctx: Context): Promise<void> {
  await runSize(systems, ctx, ctx.settings.n, true)
  if (ctx.settings.big > 0) await runSize(systems, ctx, ctx.settings.big, false)
}
