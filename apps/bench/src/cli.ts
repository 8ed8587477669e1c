/**
 * `npm run bench`: runs every selected system one after another in this process, printing progress,
 * then the tables and targets, and writes the JSON. Numbers on a shared machine are noisy: the
 * report gives medians and the JSON keeps every sample.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseCli, USAGE } from './args.js'
import { loadMemgoose } from './load.js'
import type { Context } from './operations/context.js'
import { runAggregation } from './operations/aggregate.js'
import { runCompressors } from './operations/compressors.js'
import { loadUsers, lookupEmails, runQueries, type Loaded } from './operations/crud.js'
import { measurePlainHeap } from './operations/heap.js'
import { runPersistence } from './operations/persistence.js'
import { renderReport, writeJson } from './report.js'
import { Results } from './results.js'
import { loadSystems } from './systems/index.js'
import { MemgooseSystem } from './systems/memgoose.js'
import { MingoAggregate } from './systems/mingo.js'
import { PlainJsAggregate } from './systems/plain-js.js'
import type { AggregateSystem, BenchSystem, SkippedSystem } from './systems/types.js'
import { canMeasureHeap } from './timing.js'
import { WiredTigerRawSystem } from './systems/wiredtiger-raw.js'

const here = dirname(fileURLToPath(import.meta.url))

function message(error: unknown): string {
  return error instanceof Error
    ? (error.stack ?? error.message).split('\n').slice(0, 3).join(' | ')
    : String(error)
}

async function runPersistent(loaded: Loaded[], ctx: Context, emails: string[]): Promise<void> {
  for (const entry of loaded) {
    const { system } = entry
    try {
      if (system.persistent) await runPersistence(entry, ctx, emails)
      if (system instanceof WiredTigerRawSystem) {
        await runCompressors(ctx, (compressor) => system.withCompressor(compressor))
      }
      if (system instanceof MemgooseSystem && system.name === 'wiredtiger') {
        await runCompressors(ctx, (compressor) => system.withOptions({ compressor }))
      }
    } catch (error) {
      ctx.failed(`${system.name} (persistence)`, error)
    }
  }
}

async function runCrudPhase(systems: BenchSystem[], ctx: Context, persist: boolean): Promise<void> {
  await measurePlainHeap(ctx)
  try {
    const loaded = await loadUsers(systems, ctx)
    const survivors = await runQueries(loaded, ctx)
    if (persist) await runPersistent(survivors, ctx, lookupEmails(ctx))
  } finally {
    for (const system of systems) await system.close().catch(() => undefined)
  }
}

async function main(): Promise<void> {
  const cli = parseCli(process.argv.slice(2))
  if (cli.help) return void process.stdout.write(USAGE)
  const startedAt = new Date()
  const lib = await loadMemgoose(cli.source)
  const roster = await loadSystems(lib, cli.only, cli.source)
  const skipped: SkippedSystem[] = [...roster.skipped]
  const log = (line: string): void => void process.stdout.write(line + '\n')
  for (const s of roster.skipped) log(`[${s.name}] skipped: ${s.reason.replace(/\s*\n\s*/g, ' ')}`)
  if (!canMeasureHeap()) log('heap figures need node --expose-gc (npm run bench passes it)')
  const workDir = await mkdtemp(join(tmpdir(), 'memgoose-bench-'))
  const failed = (name: string, error: unknown): void => {
    log(`[${name}] FAILED: ${message(error)}`)
    skipped.push({ name, reason: `failed: ${message(error)}` })
  }
  const ctx: Context = { settings: cli.settings, results: new Results(), workDir, log, failed }
  log(
    `memgoose bench: N=${cli.settings.n}, ${cli.ops.join('+')}, memgoose from ${cli.source ? 'sources' : 'dist'}`
  )
  try {
    if (cli.ops.includes('crud') || cli.ops.includes('persist'))
      await runCrudPhase(roster.ready, ctx, cli.ops.includes('persist'))
    if (cli.ops.includes('agg')) {
      const engines = roster.ready.filter((s): s is MemgooseSystem => s instanceof MemgooseSystem)
      const systems: AggregateSystem[] = [new PlainJsAggregate(), new MingoAggregate(), ...engines]
      await runAggregation(systems, ctx)
    }
  } finally {
    if (!cli.keep) await rm(workDir, { recursive: true, force: true })
    else log(`scratch files kept in ${workDir}`)
  }
  log(renderReport(ctx.results, cli.settings, skipped))
  log('\nNote: timings are medians on this machine; on a shared or busy machine they are noisy.')
  if (cli.json) {
    const file = await writeJson(
      join(here, '..', 'bench-results'),
      ctx.results,
      cli.settings,
      skipped,
      startedAt,
      {
        ops: cli.ops,
        only: cli.only,
        source: cli.source,
      }
    )
    log(`JSON: ${file}`)
  }
  await lib.disconnect()
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${message(error)}\n`)
  process.exitCode = 1
})
