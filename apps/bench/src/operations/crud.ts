/**
 * The CRUD workloads of issues 3, 5 and 6 on one system: bulk insert (whose last run also gives
 * the heap the store holds), indexed lookups lean and hydrated, the non-indexed range, updates by
 * indexed key. The store left open afterwards holds the N users for the persistence workloads.
 */
import { emailOf, generateUsers, sampleIndexes, SCORE_RANGE, type UserDoc } from '../data.js'
import type { BenchSystem } from '../systems/types.js'
import { settledHeap, timeIt } from '../timing.js'
import { formatValue, freshDir, measureMedian, type Context } from './context.js'

/** The directory the system's N users live in after `runCrud`. */
export interface CrudOutcome {
  dir: string
  emails: string[]
}

async function bulkInsert(system: BenchSystem, ctx: Context): Promise<string> {
  const { n, bulkRuns } = ctx.settings
  const samples: number[] = []
  let dir = ''
  let heapBefore = Number.NaN
  for (let run = 0; run < bulkRuns; run++) {
    const last = run === bulkRuns - 1
    dir = await freshDir(ctx, system.name, `bulk-${run}`)
    await system.open(dir)
    if (last) heapBefore = await settledHeap()
    let docs: UserDoc[] | undefined = generateUsers(n, ctx.settings.seed)
    const batch = docs
    samples.push(await timeIt(() => system.insertMany(batch)))
    ctx.log(
      `[${system.name}] insertMany ${n} (run ${run + 1}/${bulkRuns}) ... ${formatValue(samples[run], 'ms')}`
    )
    docs = undefined
    if (!last) await system.close()
  }
  const heap = (await settledHeap()) - heapBefore
  const sorted = [...samples].sort((a, b) => a - b)
  ctx.results.add({
    op: 'insertMany',
    system: system.name,
    value: sorted[sorted.length >> 1],
    unit: 'ms',
    samples,
  })
  ctx.results.add({ op: 'heap', system: system.name, value: heap, unit: 'bytes' })
  ctx.log(`[${system.name}] heap held by ${n} users ... ${formatValue(heap, 'bytes')}`)
  return dir
}

function expectFound(system: BenchSystem, what: string, value: unknown): void {
  if (value === undefined || value === null)
    throw new Error(`${system.name}: ${what} found nothing`)
}

/** Runs the CRUD workloads; the system stays open with the N users. */
export async function runCrud(system: BenchSystem, ctx: Context): Promise<CrudOutcome> {
  const { n, runs, lookups, updates, seed } = ctx.settings
  const dir = await bulkInsert(system, ctx)
  const emails = sampleIndexes(lookups, n, seed).map((i) => emailOf(i, seed))

  await measureMedian(ctx, 'lookupLean', system.name, `${lookups} findOne lean`, runs, async () => {
    for (const email of emails) expectFound(system, 'findOne', await system.findByEmail(email))
  })
  const hydrated = system.findByEmailHydrated?.bind(system)
  if (hydrated !== undefined) {
    await measureMedian(
      ctx,
      'lookupHydrated',
      system.name,
      `${lookups} findOne hydrated`,
      runs,
      async () => {
        for (const email of emails) expectFound(system, 'findOne', await hydrated(email))
      }
    )
  }

  const found = await measureMedian(
    ctx,
    'rangeScan',
    system.name,
    'range on profile.score',
    runs,
    () => system.findScoreRange(SCORE_RANGE.min, SCORE_RANGE.max)
  )
  const range = ctx.results.get('rangeScan', system.name)
  if (range) range.note = `${found.length} docs (${((100 * found.length) / n).toFixed(1)}%)`

  // A different sample of users per run, drawn before the clock starts.
  const updateEmails = Array.from({ length: runs + 1 }, (_, run) =>
    sampleIndexes(updates, n, seed + 1 + run).map((i) => emailOf(i, seed))
  )
  await measureMedian(ctx, 'updateOne', system.name, `${updates} updateOne`, runs, async (run) => {
    const batch = updateEmails[run]
    for (let k = 0; k < batch.length; k++)
      await system.updateByEmail(batch[k], 18 + ((k + run) % 63))
  })
  return { dir, emails }
}
