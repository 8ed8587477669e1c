/** What every operation needs: the run's settings, where to keep files, the log and the results. */
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Results, Unit } from '../results.js'
import { median, timeIt } from '../timing.js'

/** Settings of one run (from the command line). */
export interface Settings {
  n: number
  runs: number
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

/**
 * Calls `fn` once untimed (run 0: JIT warm-up), then times it `runs` times (runs 1..runs) and records
 * the median. Returns what the warm-up returned, for sanity checks.
 */
export async function measureMedian<T>(
  ctx: Context,
  op: string,
  system: string,
  label: string,
  runs: number,
  fn: (run: number) => Promise<T>
): Promise<T> {
  const first = await fn(0)
  const samples: number[] = []
  for (let run = 1; run <= runs; run++) samples.push(await timeIt(() => fn(run)))
  const value = median(samples)
  ctx.results.add({ op, system, value, unit: 'ms', samples })
  ctx.log(
    `[${system}] ${label} ... ${formatValue(value, 'ms')}${runs > 1 ? ` (median of ${runs})` : ''}`
  )
  return first
}
