import { mkdir, readdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import {
  connectionConfig,
  sessionConfig,
  type ConnectionOptions,
  type Isolation,
} from './config.js'
import { WiredTigerError } from './errors.js'
import { loadBinding, type NativeConnection } from './native.js'
import { Session } from './session.js'

/** Options of {@link Connection.openSession}. */
export interface SessionOptions {
  /** Default `snapshot`: write-write conflicts fail with `WT_ROLLBACK` instead of last-writer-wins. */
  isolation?: Isolation
}

/**
 * An open WiredTiger database (one home directory). Share one per process and home: a second
 * connection to the same home fails with `LOCKED`. Close it to write a final checkpoint; a process
 * that dies instead is recovered from the log on the next open.
 */
export class Connection {
  readonly #native: NativeConnection
  /** Absolute path of the home directory. */
  readonly home: string

  /** @internal Created by {@link openConnection}. */
  constructor(native: NativeConnection, home: string) {
    this.#native = native
    this.home = home
  }

  /** Opens a session (cheap; synchronous). */
  openSession(options: SessionOptions = {}): Session {
    return new Session(this.#native.openSession(sessionConfig(options.isolation)), this)
  }

  /** Changes runtime settings, in WiredTiger's `WT_CONNECTION::reconfigure` syntax. */
  reconfigure(config: string): void {
    this.#native.reconfigure(config)
  }

  /** Writes a checkpoint on a worker thread, with a session of its own. */
  async checkpoint(): Promise<void> {
    return this.#native.checkpoint()
  }

  /**
   * Hot backup into `targetDir` (created; must be empty) while writers keep running. The copy opens
   * as a database of its own with everything committed before the backup started. Returns the
   * files copied.
   */
  async backup(targetDir: string): Promise<string[]> {
    const target = resolve(targetDir)
    const existing = await readdir(target).catch(() => [])
    if (existing.length > 0)
      throw new WiredTigerError(`backup target ${target} is not empty`, 'INVALID_ARGUMENT')
    return this.#native.backup(target)
  }

  /**
   * WiredTiger statistics by description (e.g. `'cache: bytes currently in the cache'`), for the
   * connection or for `statistics:table:<name>`. Needs `statistics` other than `'none'`.
   */
  async stats(uri = 'statistics:'): Promise<Record<string, number>> {
    return this.#native.stats(uri)
  }

  /**
   * Closes the connection, its sessions and cursors, after async work in flight has finished; new
   * calls fail with `CLOSED` from the moment close() is called. A second close rejects with `CLOSED`.
   */
  async close(): Promise<void> {
    await this.#native.close()
  }

  /** True from the moment close() is called. */
  get closed(): boolean {
    return this.#native.closed
  }
}

/**
 * Opens (and by default creates) the WiredTiger database in `home`, running recovery if the last
 * process died. Recovery and open run on a worker thread. Errors: `LOCKED` when another process or
 * connection has the home open, `CORRUPTION` for damaged files.
 */
export async function openConnection(
  home: string,
  options: ConnectionOptions = {}
): Promise<Connection> {
  const config = connectionConfig(options)
  const binding = loadBinding()
  const path = resolve(home)
  if (options.create !== false) await mkdir(path, { recursive: true })
  return new Connection(await binding.Connection.open(path, config), path)
}

/** Version of the linked WiredTiger library, e.g. `'3.2.1'`. */
export function wiredtigerVersion(): string {
  return loadBinding().wiredtigerVersion()
}
