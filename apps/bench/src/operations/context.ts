/** What every operation needs: the run's settings, where to keep files, the log and the results. */
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Results, Unit } from '../results.js'
import { median, settledHeap, timeIt } from '../timing.js'

/** Settings of one run (from the command line). */
export interface Settings {
  n: number
  runs: number
  /** Untimed runs of each short operation before its samples (at least one). */
  warmup: number
  bulkRuns: number
  lookups: number
  updates: number
  singles: number
  orders: number
  big: number
  seed: number
}

/** The context an operation runs in. */
export interface Context {
  readonly settings: Settings
  readonly results: Results
  /** The run's scratch directory (removed at the end). */
  readonly workDir: string
  /** Prints a progress line. */
  log(line: string): void
  /** Reports a system that failed; the run goes on without it. */
  failed(name: string, error: unknown): void
}

/** A fresh (emptied) directory for `system`'s files under the run's scratch directory. */
export async function freshDir(ctx: Context, system: string, purpose: string): Promise<string> {
  const dir = join(ctx.workDir, system.replace(/[^a-z0-9-]/gi, '_'), purpose)
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  return dir
}

/** Formats a measurement for progress lines and tables. */
export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'n/a'
  if (unit === 'bytes') return `${(value / 1024 / 1024).toFixed(1)} MB`
  return value < 10 ? `${value.toFixed(2)} ms` : `${value.toFixed(1)} ms`
}

/** One system's part in an interleaved measurement: `run(0)` is the warm-up (repeated). */
export interface Contender<T> {
  readonly name: string
  run(run: number): Promise<T>
}

/**
 * Measures `op` on every contender: `settings.warmup` untimed runs each (a JIT compiles a big code
 * path later than a small one; the samples are meant to show each system's steady state, as a
 * long-running server sees it), then `runs` rounds in which every
 * contender runs once, starting with a different one each round. On a shared machine, load that
 * comes and goes then hits every system alike instead of whichever ran at the wrong moment. Records
 * each contender's median; a contender that throws is reported through `ctx.failed` and dropped.
 * Returns what each surviving contender's warm-up returned, for sanity checks.
 */
export async function measureInterleaved<T>(
  ctx: Context,
  op: string,
  label: string,
  contenders: readonly Contender<T>[],
  runs: number
): Promise<Map<string, T>> {
  const alive = [...contenders]
  const first = new Map<string, T>()
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]))
  const attempt = async (c: Contender<T>, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn()
    } catch (error) {
      alive.splice(alive.indexOf(c), 1)
      first.delete(c.name)
      ctx.failed(`${c.name} (${op})`, error)
    }
  }
  // Garbage left by the previous operation (a bulk load leaves plenty) is collected now, not in
  // whichever system's samples the collector happens to interrupt.
  await settledHeap()
  for (const c of [...alive]) {
    for (let w = 0; w < ctx.settings.warmup && alive.includes(c); w++) {
      await attempt(c, async () => {
        const value = await c.run(0)
        if (!first.has(c.name)) first.set(c.name, value)
      })
    }
  }
  for (let run = 1; run <= runs; run++) {
    const order = alive.map((_, i) => alive[(i + run) % alive.length])
    for (const c of order) {
      if (!alive.includes(c)) continue
      await attempt(c, async () => void samples.get(c.name)?.push(await timeIt(() => c.run(run))))
    }
  }
  for (const c of alive) {
    const own = samples.get(c.name) ?? []
    const value = median(own)
    ctx.results.add({ op, system: c.name, value, unit: 'ms', samples: own })
    ctx.log(`[${c.name}] ${label} ... ${formatValue(value, 'ms')} (median of ${own.length})`)
  }
  return first
}
