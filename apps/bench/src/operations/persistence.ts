/**
 * The persistence workloads of issues 5 and 6 on a persistent system holding the N users: reopen +
 * first indexed query, on-disk size, then awaited single inserts into a fresh store.
 */
import { userAt } from '../data.js'
import { directoryBytes } from '../disk.js'
import { median, timeIt } from '../timing.js'
import type { Loaded } from './crud.js'
import { formatValue, freshDir, type Context } from './context.js'

/** Runs the persistence workloads on a store holding the N users (found by `emails`) and closes it. */
export async function runPersistence(
  loaded: Loaded,
  ctx: Context,
  emails: readonly string[]
): Promise<void> {
  const { system, dir } = loaded
  const { n, runs, singles, seed } = ctx.settings
  const reopen = system.reopen?.bind(system)
  if (reopen !== undefined) {
    // Closing (a checkpoint, for WiredTiger) is not part of the clock; opening and the query are.
    const samples: number[] = []
    for (let run = 0; run < runs; run++) {
      await system.close()
      samples.push(
        await timeIt(async () => {
          await reopen()
          if ((await system.findByEmail(emails[run % emails.length])) == null)
            throw new Error(`${system.name}: reopened store lost a user`)
        })
      )
    }
    const value = median(samples)
    ctx.results.add({ op: 'reopen', system: system.name, value, unit: 'ms', samples })
    ctx.log(
      `[${system.name}] reopen + first query ... ${formatValue(value, 'ms')} (median of ${runs})`
    )
  }
  await system.close()
  const bytes = await directoryBytes(dir)
  ctx.results.add({ op: 'disk', system: system.name, value: bytes, unit: 'bytes' })
  ctx.log(`[${system.name}] on-disk size of ${n} users ... ${formatValue(bytes, 'bytes')}`)

  const insertOne = system.insertOne?.bind(system)
  if (insertOne === undefined) return
  const docs = Array.from({ length: singles }, (_, i) => userAt(n + i, seed))
  await system.open(await freshDir(ctx, system.name, 'singles'))
  // One sample: each insert is its own commit, so 10,000 of them already average out the noise.
  const value = await timeIt(async () => {
    for (const doc of docs) await insertOne(doc)
  })
  ctx.results.add({ op: 'singleInserts', system: system.name, value, unit: 'ms' })
  ctx.log(`[${system.name}] ${singles} awaited single inserts ... ${formatValue(value, 'ms')}`)
  await system.close()
}
