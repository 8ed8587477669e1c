/**
 * The CRUD workloads of issues 3, 5 and 6, interleaved across every system: bulk insert (whose last
 * run also gives the heap the store holds, and leaves the N users in place), then the short
 * operations — indexed lookups lean and hydrated, the non-indexed range, updates by indexed key.
 */
import { emailOf, generateUsers, sampleIndexes, SCORE_RANGE } from '../data.js'
import type { BenchSystem } from '../systems/types.js'
import { median, settledHeap, timeIt } from '../timing.js'
import {
  formatValue,
  freshDir,
  measureInterleaved,
  type Context,
  type Contender,
} from './context.js'

/** A system holding the N users, and the directory they live in. */
export interface Loaded {
  system: BenchSystem
  dir: string
}

interface BulkRun {
  ms: number
  dir: string
  /** Heap held by the store, measured on the last run only. */
  heap?: number
}

// Only the store may keep the documents: once this returns they are unreachable from here, so the
// heap measured afterwards is what the store holds.
async function timedInsert(system: BenchSystem, n: number, seed: number): Promise<number> {
  const docs = generateUsers(n, seed)
  return timeIt(() => system.insertMany(docs))
}

// One bulk insert into a fresh store; the last run's store stays open and its heap is measured.
async function bulkRun(
  system: BenchSystem,
  ctx: Context,
  run: number,
  last: boolean
): Promise<BulkRun> {
  const { n, bulkRuns, seed } = ctx.settings
  const dir = await freshDir(ctx, system.name, `bulk-${run}`)
  await system.open(dir)
  const heapBefore = last ? await settledHeap() : Number.NaN
  const ms = await timedInsert(system, n, seed)
  ctx.log(
    `[${system.name}] insertMany ${n} (run ${run + 1}/${bulkRuns}) ... ${formatValue(ms, 'ms')}`
  )
  if (!last) {
    await system.close()
    return { ms, dir }
  }
  return { ms, dir, heap: (await settledHeap()) - heapBefore }
}

/**
 * Bulk-inserts the N users `bulkRuns` times into fresh stores of every system, round-robin (as
 * {@link measureInterleaved} does), records the median and the heap each store holds, and returns
 * the systems left open with the users of their last run.
 */
export async function loadUsers(systems: readonly BenchSystem[], ctx: Context): Promise<Loaded[]> {
  const { n, bulkRuns } = ctx.settings
  let alive = [...systems]
  const samples = new Map<BenchSystem, number[]>(systems.map((s) => [s, []]))
  const loaded = new Map<BenchSystem, string>()
  for (let run = 0; run < bulkRuns; run++) {
    const last = run === bulkRuns - 1
    const order = alive.map((_, i) => alive[(i + run) % alive.length])
    for (const system of order) {
      try {
        const result = await bulkRun(system, ctx, run, last)
        samples.get(system)?.push(result.ms)
        if (result.heap === undefined) continue
        loaded.set(system, result.dir)
        ctx.results.add({ op: 'heap', system: system.name, value: result.heap, unit: 'bytes' })
        ctx.log(`[${system.name}] heap held by ${n} users ... ${formatValue(result.heap, 'bytes')}`)
      } catch (error) {
        alive = alive.filter((s) => s !== system)
        ctx.failed(`${system.name} (insertMany)`, error)
        await system.close().catch(() => undefined)
      }
    }
  }
  return alive.map((system) => {
    const own = samples.get(system) ?? []
    ctx.results.add({
      op: 'insertMany',
      system: system.name,
      value: median(own),
      unit: 'ms',
      samples: own,
    })
    return { system, dir: loaded.get(system) ?? '' }
  })
}

/** The emails the lookup workload asks for (also the reopen checks). */
export function lookupEmails(ctx: Context): string[] {
  const { n, lookups, seed } = ctx.settings
  return sampleIndexes(lookups, n, seed).map((i) => emailOf(i, seed))
}

function expectFound(name: string, value: unknown): void {
  if (value === undefined || value === null) throw new Error(`${name}: findOne found nothing`)
}

/** Runs the short operations interleaved; returns the systems that did not fail. */
export async function runQueries(loaded: readonly Loaded[], ctx: Context): Promise<Loaded[]> {
  const { n, runs, lookups, updates, seed } = ctx.settings
  const emails = lookupEmails(ctx)
  let systems = loaded.map((l) => l.system)
  // A system that failed an operation sits out the ones after it.
  const keepMeasured = (op: string): void => {
    systems = systems.filter((s) => ctx.results.get(op, s.name) !== undefined)
  }
  const contenders = <T>(
    fn: (s: BenchSystem) => ((run: number) => Promise<T>) | undefined
  ): Contender<T>[] =>
    systems.flatMap((s) => {
      const run = fn(s)
      return run === undefined ? [] : [{ name: s.name, run }]
    })

  await measureInterleaved(
    ctx,
    'lookupLean',
    `${lookups} findOne lean`,
    contenders((s) => async () => {
      for (const email of emails) expectFound(s.name, await s.findByEmail(email))
    }),
    runs
  )
  keepMeasured('lookupLean')
  await measureInterleaved(
    ctx,
    'lookupHydrated',
    `${lookups} findOne hydrated`,
    contenders((s) => {
      const hydrated = s.findByEmailHydrated?.bind(s)
      return (
        hydrated &&
        (async () => {
          for (const email of emails) expectFound(s.name, await hydrated(email))
        })
      )
    }),
    runs
  )

  const found = await measureInterleaved(
    ctx,
    'rangeScan',
    'range on profile.score',
    contenders((s) => () => s.findScoreRange(SCORE_RANGE.min, SCORE_RANGE.max)),
    runs
  )
  keepMeasured('rangeScan')
  for (const [name, docs] of found) {
    const m = ctx.results.get('rangeScan', name)
    if (m) m.note = `${docs.length} docs (${((100 * docs.length) / n).toFixed(1)}%)`
  }

  // A different sample of users per run, drawn before the clock starts.
  const updateEmails = Array.from({ length: runs + 1 }, (_, run) =>
    sampleIndexes(updates, n, seed + 1 + run).map((i) => emailOf(i, seed))
  )
  await measureInterleaved(
    ctx,
    'updateOne',
    `${updates} updateOne`,
    contenders((s) => async (run) => {
      const batch = updateEmails[run]
      for (let k = 0; k < batch.length; k++) await s.updateByEmail(batch[k], 18 + ((k + run) % 63))
    }),
    runs
  )
  keepMeasured('updateOne')
  return loaded.filter((l) => systems.includes(l.system))
}
