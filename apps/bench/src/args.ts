/** The command line: `npm run bench -- --n 10000 --only memory,map --ops crud`. */
import { parseArgs } from 'node:util'
import { DEFAULT_SEED } from './data.js'
import type { Settings } from './operations/context.js'
import { SYSTEM_NAMES } from './systems/index.js'

/** The workload groups `--ops` selects. */
export const OPS = ['crud', 'persist', 'agg'] as const

/** Parsed command line. */
export interface Cli {
  settings: Settings
  only: string[]
  ops: string[]
  source: boolean
  keep: boolean
  json: boolean
  help: boolean
}

/** The `--help` text. */
export const USAGE = `memgoose bench

  npm run bench                          everything at N = 100,000
  npm run bench -- --n 10000 --only memory,map --ops crud

  --n <count>        users per data set (default 100000)
  --only <a,b>       systems: memory, map, lokijs, sqlite, sqlite-raw, wiredtiger, wiredtiger-raw
                     (plain-js and mingo always run with --ops agg as references)
  --ops <a,b>        workloads: crud (incl. heap), persist, agg (default all)
  --runs <k>         samples per short operation, the median is reported (default 9)
  --warmup <k>       untimed runs of each short operation first, so the JIT has compiled every
                     system's code and the samples show its steady state (default 5)
  --bulk-runs <k>    bulk insert samples, each into a fresh store (default 3)
  --lookups <k>      indexed lookups per sample (default 1000)
  --updates <k>      updates per sample (default 1000)
  --singles <k>      awaited single inserts on persistent engines (default 10000)
  --orders <k>       orders joined by $lookup (default 10000)
  --big              also $group over 1,000,000 users
  --seed <s>         data set seed
  --source           load memgoose and backends from their TypeScript sources (no build; profiling)
  --keep             keep the scratch directory of persistent engines
  --no-json          do not write bench-results/<timestamp>.json
`

function count(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  const n = Number(value.replace(/[_,]/g, ''))
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} must be a non-negative integer, got ${value}`)
  return n
}

function list(value: string | undefined): string[] {
  return value === undefined
    ? []
    : value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
}

/** Parses `argv` (without node and the script). */
export function parseCli(argv: string[]): Cli {
  const { values } = parseArgs({
    args: argv,
    allowNegative: true,
    options: {
      n: { type: 'string' },
      only: { type: 'string' },
      ops: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      'bulk-runs': { type: 'string' },
      lookups: { type: 'string' },
      updates: { type: 'string' },
      singles: { type: 'string' },
      orders: { type: 'string' },
      big: { type: 'boolean', default: false },
      seed: { type: 'string' },
      source: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      json: { type: 'boolean', default: true },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  const ops = list(values.ops)
  for (const op of ops)
    if (!(OPS as readonly string[]).includes(op))
      throw new Error(`unknown --ops ${op} (${OPS.join(', ')})`)
  const only = list(values.only)
  for (const name of only) {
    if (!(SYSTEM_NAMES as readonly string[]).includes(name))
      throw new Error(`unknown --only ${name} (${SYSTEM_NAMES.join(', ')})`)
  }
  const runs = Math.max(1, count(values.runs, 9, 'runs'))
  return {
    settings: {
      n: Math.max(1, count(values.n, 100_000, 'n')),
      runs,
      warmup: Math.max(1, count(values.warmup, 5, 'warmup')),
      bulkRuns: Math.max(1, count(values['bulk-runs'], 3, 'bulk-runs')),
      lookups: Math.max(1, count(values.lookups, 1000, 'lookups')),
      updates: count(values.updates, 1000, 'updates'),
      singles: count(values.singles, 10_000, 'singles'),
      orders: count(values.orders, 10_000, 'orders'),
      big: values.big ? 1_000_000 : 0,
      seed: count(values.seed, DEFAULT_SEED, 'seed'),
    },
    only,
    ops: ops.length > 0 ? ops : [...OPS],
    source: values.source,
    keep: values.keep,
    json: values.json,
    help: values.help,
  }
}
