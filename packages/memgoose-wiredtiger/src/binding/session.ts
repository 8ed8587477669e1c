import { tableConfig, tableUri, type Isolation, type TableOptions } from './config.js'
import { Cursor } from './cursor.js'
import { WiredTigerError } from './errors.js'
import type { Connection } from './connection.js'
import type { NativeSession } from './native.js'

/** Options of {@link Session.begin}. */
export interface BeginOptions {
  /** Overrides the session's isolation for this transaction. */
  isolation?: Isolation
}

/** Options of {@link Session.commit} and {@link Session.commitAsync}. */
export interface CommitOptions {
  /** Overrides the connection's `transactionSync` for this commit: true waits for the log sync. */
  sync?: boolean
}

/** Options of {@link Session.putMany}. */
export interface PutManyOptions {
  /** Replace existing keys (default true); false fails the whole batch with `WT_DUPLICATE_KEY`. */
  overwrite?: boolean
}

function commitConfig(options: CommitOptions): string | undefined {
  return options.sync === undefined ? undefined : `sync=${options.sync ? 'on' : 'off'}`
}

/**
 * A WiredTiger session: a transaction context and the owner of cursors. Use one session per
 * concurrent unit of work. Synchronous calls run on the main thread; async methods lend the session
 * to a worker thread, and until their promise settles every other call on this session (and its
 * cursors) fails with `SESSION_BUSY`.
 */
export class Session {
  readonly #native: NativeSession
  // Also keeps the connection reachable: a connection collected while a session is in use would close.
  readonly #connection: Connection

  /** @internal Created by `Connection.openSession`. */
  constructor(native: NativeSession, connection: Connection) {
    this.#native = native
    this.#connection = connection
  }

  /** The connection this session belongs to. */
  get connection(): Connection {
    return this.#connection
  }

  /** Starts a transaction; operations until commit/rollback are atomic and isolated. */
  begin(options: BeginOptions = {}): void {
    this.#native.begin(options.isolation ? `isolation=${options.isolation}` : undefined)
  }

  /** Commits the open transaction. A failed commit has rolled the transaction back. */
  commit(options: CommitOptions = {}): void {
    this.#native.commit(commitConfig(options))
  }

  /** Commits on a worker thread: for commits that wait for an fsync. */
  async commitAsync(options: CommitOptions = {}): Promise<void> {
    return this.#native.commitAsync(commitConfig(options))
  }

  /** Rolls back the open transaction. Required after an operation failed with `WT_ROLLBACK`. */
  rollback(): void {
    this.#native.rollback()
  }

  /** True between begin() and commit()/rollback(). */
  get inTransaction(): boolean {
    return this.#native.inTransaction
  }

  /** Creates table `name` with binary keys and values; a no-op if it exists with the same options. */
  createTable(name: string, options: TableOptions = {}): void {
    this.#native.create(tableUri(name), tableConfig(options))
  }

  /**
   * Drops table `name` and its file. Fails with `WT_BUSY` while any cursor on it is open; with
   * `force`, a missing table is not an error.
   */
  dropTable(name: string, options: { force?: boolean } = {}): void {
    this.#native.drop(tableUri(name), options.force ? 'force=true' : undefined)
  }

  /** Opens a cursor on table `name`. */
  openCursor(name: string): Cursor {
    return new Cursor(this.#native.openCursor(tableUri(name)), name, this)
  }

  /**
   * Writes many entries on a worker thread: inside the open transaction if there is one, otherwise
   * in one transaction of its own (all or nothing). A failing entry's position is the error's `index`.
   */
  async putMany(
    name: string,
    entries: ReadonlyArray<readonly [key: Uint8Array, value: Uint8Array]>,
    options: PutManyOptions = {}
  ): Promise<void> {
    if (!Array.isArray(entries))
      throw new WiredTigerError('entries must be an array of [key, value]', 'INVALID_ARGUMENT')
    const parts: Uint8Array[] = new Array(entries.length * 2)
    const sizes = new Uint32Array(entries.length * 2)
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]
      if (!Array.isArray(entry) || entry.length !== 2)
        throw new WiredTigerError(`entry ${i} must be a [key, value] pair`, 'INVALID_ARGUMENT')
      for (let j = 0; j < 2; j++) {
        const bytes: unknown = entry[j]
        if (!(bytes instanceof Uint8Array))
          throw new WiredTigerError(
            `entry ${i}: ${j === 0 ? 'key' : 'value'} must be a Buffer or Uint8Array`,
            'INVALID_ARGUMENT'
          )
        parts[2 * i + j] = bytes
        sizes[2 * i + j] = bytes.length
      }
    }
    // One buffer for the whole batch: the native side copies it once for the worker thread.
    return this.putPacked(name, Buffer.concat(parts), sizes, options)
  }

  /**
   * {@link putMany} with the entries already packed: `data` holds every key and value back to back,
   * `sizes` their lengths in the same order (key, value, key, value...). The bytes are copied before
   * this returns, so the caller may reuse `data` at once. Sizes that do not add up to `data`'s length
   * throw `INVALID_ARGUMENT`.
   */
  async putPacked(
    name: string,
    data: Uint8Array,
    sizes: Uint32Array,
    options: PutManyOptions = {}
  ): Promise<void> {
    if (!(data instanceof Uint8Array) || !(sizes instanceof Uint32Array))
      throw new WiredTigerError(
        'putPacked needs a Uint8Array and a Uint32Array',
        'INVALID_ARGUMENT'
      )
    return this.#native.putMany(tableUri(name), data, sizes, options.overwrite !== false)
  }

  /** Writes a checkpoint using this session, on a worker thread. Not inside a transaction. */
  async checkpoint(): Promise<void> {
    return this.#native.checkpoint()
  }

  /** Closes the session and its cursors (rolling back an open transaction); twice throws `CLOSED`. */
  close(): void {
    this.#native.close()
  }

  /** True once the session or its connection is closed. */
  get closed(): boolean {
    return this.#native.closed
  }
}
