/**
 * WiredTigerEngine: one WiredTiger connection per memgoose database. Documents live in one table per
 * collection (keyed by the encoded `_id`, valued by BSON); each secondary index is a table of its
 * own, maintained in the same WiredTiger transaction as the document. Point operations are
 * synchronous; full scans page through the table; commits that fsync run off the main thread.
 */
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import {
  ClosedError,
  CorruptionError,
  LockedError,
  type CollectionSpec,
  type EngineCapabilities,
  type EngineCollection,
  type EngineStats,
  type EngineTxn,
  type StorageEngine,
} from 'memgoose'
import { openConnection, type Connection } from '../binding/connection.js'
import type { Cursor } from '../binding/cursor.js'
import { isWiredTigerError } from '../binding/errors.js'
import type { Session } from '../binding/session.js'
import { Catalog } from './catalog.js'
import { WiredTigerCollection, type WiredTigerHost } from './collection.js'
import { GroupSync } from './group-sync.js'
import {
  connectionOptions,
  resolveOptions,
  type ResolvedOptions,
  type WiredTigerEngineOptions,
} from './options.js'
import { checkTxn, WiredTigerTxn } from './txn.js'
import { WriteLock } from './write-lock.js'

const CAPABILITIES: EngineCapabilities = Object.freeze({
  persistent: true,
  transactions: true,
  filterPushdown: false,
  sortPushdown: false,
  aggregatePushdown: false,
  ownedResults: true,
  indexFeatures: Object.freeze(['unique', 'sparse', 'partial', 'ttl', 'multikey'] as const),
  durability: Object.freeze(['none', 'memory', 'os', 'full'] as const),
  backup: true,
})

/** The memgoose storage engine over WiredTiger. */
export class WiredTigerEngine implements StorageEngine, WiredTigerHost {
  readonly name = 'wiredtiger'
  readonly capabilities = CAPABILITIES
  readonly options: ResolvedOptions
  #conn: Connection | undefined
  #read: Session | undefined
  #write: Session | undefined
  #ddlSession: Session | undefined
  #catalog: Catalog | undefined
  #group: GroupSync | undefined
  #cursors = new Map<Session, Map<string, Cursor>>()
  #collections = new Map<string, WiredTigerCollection>()
  #lock = new WriteLock()
  #closed = false

  constructor(options: WiredTigerEngineOptions) {
    this.options = resolveOptions(options)
  }

  /** Opens (creating or recovering) the WiredTiger home. */
  async open(): Promise<void> {
    try {
      this.#conn = await openConnection(this.options.dataPath, connectionOptions(this.options))
    } catch (err) {
      throw translateError(err, this.options.dataPath)
    }
    this.#read = this.#conn.openSession()
    this.#write = this.#conn.openSession()
    this.#ddlSession = this.#conn.openSession()
    this.#catalog = new Catalog(this.#ddlSession)
    this.#catalog.load()
    if (this.options.durability === 'full') this.#group = new GroupSync(this.#conn.openSession())
  }

  // ── WiredTigerHost ─────────────────────────────────────────────────────────────────────────

  get catalog(): Catalog {
    this.#assertOpen()
    return this.#catalog!
  }

  /** The session reads use: the transaction's when there is one, otherwise the read session. */
  readSession(txn: EngineTxn | undefined): Session {
    this.#assertOpen()
    return checkTxn(txn, this) ? this.#write! : this.#read!
  }

  /** A cached cursor on `table` for `session` (cursors are unpositioned between calls). */
  cursor(session: Session, table: string): Cursor {
    let bySession = this.#cursors.get(session)
    if (!bySession) this.#cursors.set(session, (bySession = new Map()))
    let cursor = bySession.get(table)
    if (!cursor) {
      try {
        cursor = session.openCursor(table)
      } catch (err) {
        // A table file that is not (or no longer) a WiredTiger file shows up here, at first use.
        throw translateError(err, this.options.dataPath)
      }
      bySession.set(table, cursor)
    }
    return cursor
  }

  /**
   * Runs `fn` on the write session inside a WiredTiger transaction: the caller's transaction when
   * `txn` is given, otherwise one of its own (synchronous when the write lock is free).
   */
  write<R>(txn: EngineTxn | undefined, fn: (session: Session) => R): R | Promise<R> {
    this.#assertOpen()
    if (checkTxn(txn, this)) return fn(this.#write!)
    if (this.#lock.tryAcquire()) return this.#autocommit(fn)
    return this.#lock.acquire().then(() => this.#autocommit(fn))
  }

  /**
   * Runs asynchronous work (`Session.putMany`) on the write session inside a WiredTiger transaction
   * of its own, committing when `fn` resolves and rolling back when it rejects.
   */
  async writeAsync<R>(fn: (session: Session) => Promise<R>): Promise<R> {
    this.#assertOpen()
    await this.#lock.acquire()
    const session = this.#write!
    let out: R
    try {
      session.begin()
      out = await fn(session)
      this.#commit(session)
    } catch (err) {
      if (session.inTransaction) session.rollback()
      throw err
    } finally {
      this.#lock.release()
    }
    await this.#durable()
    return out
  }

  #autocommit<R>(fn: (session: Session) => R): R | Promise<R> {
    const session = this.#write!
    let out: R
    try {
      session.begin()
      out = fn(session)
    } catch (err) {
      if (session.inTransaction) session.rollback()
      this.#lock.release()
      throw err
    }
    try {
      this.#commit(session)
    } finally {
      this.#lock.release()
    }
    return this.#group ? this.#group.sync().then(() => out) : out
  }

  /** Commits the write session's transaction; at `full` without waiting for the log sync. */
  #commit(session: Session): void {
    if (this.#group) session.commit({ sync: false })
    else session.commit()
  }

  /** At `full`: resolves once everything committed so far is on disk (sharing syncs). */
  async #durable(): Promise<void> {
    await this.#group?.sync()
  }

  /**
   * Runs a schema change (tables, catalog) on the DDL session, never the write session, so it works
   * inside a transaction. `exclusive` waits for the write lock first: needed when the change must not
   * race writers (building an index over existing documents, dropping tables). Otherwise it runs
   * synchronously, which no writer can interleave with.
   */
  ddl<R>(fn: (session: Session) => R, options: { exclusive?: boolean } = {}): R | Promise<R> {
    this.#assertOpen()
    if (!options.exclusive) return fn(this.#ddlSession!)
    return this.#lock.acquire().then(() => {
      try {
        return fn(this.#ddlSession!)
      } finally {
        this.#lock.release()
      }
    })
  }

  /** Closes the cached cursors on `table` (WiredTiger cannot drop a table with open cursors). */
  releaseTable(table: string): void {
    for (const bySession of this.#cursors.values()) {
      const cursor = bySession.get(table)
      if (cursor) {
        if (!cursor.closed) cursor.close()
        bySession.delete(table)
      }
    }
  }

  /** Opens a session of its own for a long scan (so it can run off the main thread). */
  scanSession(): Session {
    this.#assertOpen()
    return this.#conn!.openSession()
  }

  // ── StorageEngine ──────────────────────────────────────────────────────────────────────────

  async collection(name: string, spec: CollectionSpec): Promise<EngineCollection> {
    this.#assertOpen()
    let collection = this.#collections.get(name)
    if (!collection) {
      collection = (await this.ddl((session) =>
        WiredTigerCollection.open(this, session, name)
      )) as WiredTigerCollection
      this.#collections.set(name, collection)
    }
    for (const index of spec.indexes) await collection.ensureIndex(index)
    return collection
  }

  listCollections(): readonly string[] {
    return this.catalog.names()
  }

  async dropCollection(name: string): Promise<boolean> {
    const entry = this.catalog.get(name)
    if (!entry) return false
    await this.ddl(
      (session) => {
        for (const table of [entry.table, ...entry.indexes.map((i) => i.table)]) {
          this.releaseTable(table)
          session.dropTable(table, { force: true })
        }
        this.catalog.delete(name)
      },
      { exclusive: true }
    )
    this.#collections.delete(name)
    return true
  }

  async transaction<T>(fn: (txn: EngineTxn) => Promise<T>): Promise<T> {
    this.#assertOpen()
    await this.#lock.acquire()
    const session = this.#write!
    const txn = new WiredTigerTxn(this)
    let result: T
    try {
      session.begin()
      result = await fn(txn)
      txn.finished = true
      this.#commit(session)
    } catch (err) {
      txn.finished = true
      if (session.inTransaction) session.rollback()
      throw err
    } finally {
      this.#lock.release()
    }
    await this.#durable()
    return result
  }

  async flush(): Promise<void> {
    this.#assertOpen()
    await this.#conn!.checkpoint()
  }

  async stats(): Promise<EngineStats> {
    this.#assertOpen()
    let documents = 0
    const names = this.catalog.names()
    for (const name of names) {
      const collection = await this.collection(name, { indexes: [] })
      documents += await collection.count({})
    }
    const raw = await this.#conn!.stats()
    const pick = (pattern: RegExp) =>
      Object.fromEntries(Object.entries(raw).filter(([k]) => pattern.test(k)))
    return {
      engine: 'wiredtiger',
      collections: names.length,
      documents,
      storageSize: directorySize(this.options.dataPath),
      details: {
        compressor: this.options.compressor,
        tableType: this.options.tableType,
        durability: this.options.durability,
        cache: pick(
          /^cache: (bytes currently in the cache|maximum bytes configured|tracked dirty bytes)/
        ),
        checkpoints: pick(
          /^transaction: transaction checkpoints?$|^transaction: transaction checkpoint most recent time/
        ),
        bloom: pick(/bloom/i),
        log: pick(/^log: (log sync operations|log write operations|log records written)$/),
      },
    }
  }

  /** Hot backup of the whole database into `targetDir`, while writers keep running. */
  async backup(targetDir: string): Promise<void> {
    this.#assertOpen()
    await this.#conn!.backup(targetDir)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    // Let a writer or transaction in progress finish before the connection goes away.
    await this.#lock.acquire()
    try {
      await this.#group?.idle()
      this.#cursors.clear()
      this.#collections.clear()
      await this.#conn?.close()
    } finally {
      this.#lock.release()
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new ClosedError('The wiredtiger engine')
    if (!this.#conn) throw new ClosedError('The wiredtiger engine (not opened yet)')
  }
}

/** memgoose's coded errors for WiredTiger's lock and damage errors; anything else as it is. */
function translateError(err: unknown, dataPath: string): unknown {
  if (!isWiredTigerError(err)) return err
  if (err.code === 'LOCKED')
    return new LockedError(`Another process has the WiredTiger database at ${dataPath} open`, {
      cause: err,
    })
  if (err.code === 'CORRUPTION' || err.code === 'WT_PANIC') {
    return new CorruptionError(
      `The WiredTiger database at ${dataPath} is damaged: ${err.message}`,
      { file: err.file === undefined ? dataPath : join(dataPath, err.file) },
      { cause: err }
    )
  }
  return err
}

function directorySize(dir: string): number {
  let total = 0
  for (const name of readdirSync(dir)) {
    try {
      const s = statSync(join(dir, name))
      if (s.isFile()) total += s.size
    } catch {
      // A file removed while we looked (log archiving) counts as nothing.
    }
  }
  return total
}
