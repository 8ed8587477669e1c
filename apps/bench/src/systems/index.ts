/**
 * The roster: every system the run knows, in report order, each either ready or skipped with the
 * reason (package missing, not built, no engine exported yet, native module failing to load).
 */
import { loadPackage, type Memgoose } from '../load.js'
import { LokiSystem } from './loki.js'
import { MapSystem } from './map.js'
import { MemgooseSystem } from './memgoose.js'
import { SqliteRawSystem, type SqliteConstructor } from './sqlite-raw.js'
import type { BenchSystem, SkippedSystem } from './types.js'
import { WiredTigerRawSystem, type OpenConnection } from './wiredtiger-raw.js'

/** Every system name, in the order systems run and appear in tables. */
export const SYSTEM_NAMES = [
  'memory',
  'map',
  'lokijs',
  'sqlite',
  'sqlite-raw',
  'wiredtiger',
  'wiredtiger-raw',
] as const

/** The systems of one run. */
export interface Roster {
  ready: BenchSystem[]
  skipped: SkippedSystem[]
}

type Backend = { name: string; createEngine: unknown }

function backendOf(mod: Record<string, unknown>, pkg: string): Backend | string {
  const backend = mod.backend as Backend | undefined
  if (backend && typeof backend.createEngine === 'function') return backend
  return `${pkg} exports no storage backend yet (only ${Object.keys(mod).slice(0, 4).join(', ')}...)`
}

async function sqliteSystems(
  lib: Memgoose,
  source: boolean,
  want: (n: string) => boolean,
  roster: Roster
): Promise<void> {
  if (!want('sqlite') && !want('sqlite-raw')) return
  const driver = await loadPackage<{ default: SqliteConstructor }>('better-sqlite3')
  if (want('sqlite')) {
    const pkg = driver.ok ? await loadPackage('memgoose-sqlite', source) : driver
    const backend = pkg.ok ? backendOf(pkg.value, 'memgoose-sqlite') : pkg.reason
    if (typeof backend === 'string') roster.skipped.push({ name: 'sqlite', reason: backend })
    else roster.ready.push(new MemgooseSystem(lib, { name: 'sqlite', backend, persistent: true }))
  }
  if (want('sqlite-raw')) {
    if (driver.ok) roster.ready.push(new SqliteRawSystem(driver.value.default))
    else roster.skipped.push({ name: 'sqlite-raw', reason: driver.reason })
  }
}

async function wiredtigerSystems(
  lib: Memgoose,
  source: boolean,
  want: (n: string) => boolean,
  roster: Roster
): Promise<void> {
  if (!want('wiredtiger') && !want('wiredtiger-raw')) return
  const pkg = await loadPackage('memgoose-wiredtiger', source)
  if (want('wiredtiger')) {
    const backend = pkg.ok ? backendOf(pkg.value, 'memgoose-wiredtiger') : pkg.reason
    if (typeof backend === 'string') roster.skipped.push({ name: 'wiredtiger', reason: backend })
    else
      roster.ready.push(new MemgooseSystem(lib, { name: 'wiredtiger', backend, persistent: true }))
  }
  if (want('wiredtiger-raw')) {
    if (!pkg.ok) return void roster.skipped.push({ name: 'wiredtiger-raw', reason: pkg.reason })
    const open = pkg.value.openConnection as OpenConnection | undefined
    try {
      // Loading the native module is where an ABI mismatch or a missing binary shows up.
      ;(pkg.value.loadBinding as () => unknown)()
      if (typeof open !== 'function')
        throw new Error('memgoose-wiredtiger exports no openConnection')
      roster.ready.push(new WiredTigerRawSystem(open))
    } catch (error) {
      roster.skipped.push({
        name: 'wiredtiger-raw',
        reason: `native binding failed to load: ${(error as Error).message}`,
      })
    }
  }
}

/** Loads the systems selected by `only` (all when empty). */
export async function loadSystems(
  lib: Memgoose,
  only: readonly string[],
  source: boolean
): Promise<Roster> {
  const want = (name: string): boolean => only.length === 0 || only.includes(name)
  const roster: Roster = { ready: [], skipped: [] }
  if (want('memory'))
    roster.ready.push(new MemgooseSystem(lib, { name: 'memory', persistent: false }))
  if (want('map')) roster.ready.push(new MapSystem())
  if (want('lokijs')) roster.ready.push(new LokiSystem())
  await sqliteSystems(lib, source, want, roster)
  await wiredtigerSystems(lib, source, want, roster)
  return roster
}
