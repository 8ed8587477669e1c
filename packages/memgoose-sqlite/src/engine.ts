/**
 * The SQLite StorageEngine: one SQLite file (WAL mode) for the whole memgoose database, opened
 * through better-sqlite3. Operations are synchronous underneath and answer synchronously; each write
 * call runs in its own IMMEDIATE transaction, or in a savepoint of an open `transaction()`.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { SqliteCollection } from './collection.js'
import { ClosedError, MemgooseError, NotSupportedError, QueryError } from './core.js'
import type {
  CollectionSpec,
  EngineCapabilities,
  EngineStats,
  EngineTxn,
  StorageEngine,
} from './core.js'
import { detachAll } from './cursor.js'
import type { RowCursor } from './cursor.js'
import { loadBetterSqlite3 } from './driver.js'
import type { SqliteDatabase, SqliteStatement } from './driver.js'
import { translate } from './errors.js'
import { registerFunctions } from './functions.js'
import type { EngineHost, StatementMode } from './host.js'
import { resolveOptions } from './options.js'
import type { ResolvedSqliteOptions, SqliteOptions } from './options.js'
import { collectionTable, createCatalog, createCollectionTable, indexTable } from './schema.js'
import { SqliteTxn } from './transaction.js'

const CAPABILITIES: EngineCapabilities = Object.freeze({
  persistent: true,
  transactions: true,
  filterPushdown: true,
  sortPushdown: true,
  aggregatePushdown: false,
  ownedResults: true,
  indexFeatures: Object.freeze(['unique', 'sparse', 'partial', 'ttl', 'multikey'] as const),
  durability: Object.freeze(['none', 'memory', 'os', 'full'] as const),
})

const SYNCHRONOUS = { none: 'OFF', memory: 'OFF', os: 'NORMAL', full: 'FULL' } as const
const MAX_STATEMENTS = 500
// How stale a reader's view of the catalog (indexes, multikey flags) from other processes may be.
const SCHEMA_RECHECK_MS = 50

/** A StorageEngine over one SQLite database file. */
export class SqliteEngine implements StorageEngine, EngineHost {
  readonly name = 'sqlite'
  readonly capabilities = CAPABILITIES
  readonly cursors = new Set<RowCursor>()
  readonly #options: ResolvedSqliteOptions
  readonly #file: string
  #db: SqliteDatabase | undefined
  #closed = false
  readonly #statements: Record<StatementMode, Map<string, SqliteStatement>> = {
    objects: new Map(),
    pluck: new Map(),
    raw: new Map(),
  }
  readonly #collections = new Map<string, SqliteCollection>()
  #txnTail: Promise<void> = Promise.resolve()
  #schemaVersion = -1
  #schemaCheckedAt = 0

  constructor(options: SqliteOptions) {
    this.#options = resolveOptions(options)
    const { dataPath, filename, database } = this.#options
    this.#file = database !== undefined ? database.name : join(dataPath as string, filename)
  }

  /** The open connection. */
  get db(): SqliteDatabase {
    const db = this.#db
    if (db === undefined || this.#closed) throw new ClosedError('The sqlite engine')
    return db
  }

  /** Path of the database file. */
  get file(): string {
    return this.#file
  }

  /** The directory holding the database file (undefined for an injected Database). */
  get dataPath(): string | undefined {
    return this.#options.dataPath
  }

  async open(): Promise<void> {
    if (this.#closed) throw new ClosedError('The sqlite engine')
    if (this.#db !== undefined) return
    const { dataPath, database, durability, cacheSize, busyTimeout } = this.#options
    let db = database
    if (db === undefined) {
      const Database = await loadBetterSqlite3()
      mkdirSync(dataPath as string, { recursive: true })
      try {
        db = new Database(this.#file, { timeout: busyTimeout })
      } catch (error) {
        throw translate(error, this.#file)
      }
    }
    try {
      db.pragma(`busy_timeout = ${busyTimeout}`)
      db.pragma('journal_mode = WAL')
      db.pragma(`synchronous = ${SYNCHRONOUS[durability]}`)
      db.pragma(`cache_size = ${cacheSize}`)
      db.pragma('foreign_keys = OFF')
      registerFunctions(db)
      createCatalog(db)
      const format = db
        .prepare("SELECT value FROM memgoose_meta WHERE key = 'format'")
        .pluck()
        .get()
      if (format !== '1') {
        throw new NotSupportedError(
          `memgoose-sqlite: ${this.#file} uses storage format ${String(format)}, this version reads format 1`
        )
      }
    } catch (error) {
      if (database === undefined) db.close()
      throw translate(error, this.#file)
    }
    this.#db = db
  }

  collection(name: string, spec: CollectionSpec = { indexes: [] }): SqliteCollection {
    this.#check()
    if (typeof name !== 'string' || name.length === 0 || name.includes('\0')) {
      throw new QueryError(
        'BAD_COLLECTION_NAME',
        'A collection name must be a non-empty string without NUL'
      )
    }
    const coll = this.write(() => {
      this.statement('INSERT OR IGNORE INTO memgoose_collections (name) VALUES (?)').run(name)
      this.statement(
        'UPDATE memgoose_collections SET listed = 1 WHERE name = ? AND listed = 0'
      ).run(name)
      const id = Number(
        this.statement('SELECT id FROM memgoose_collections WHERE name = ?', 'pluck').get(name)
      )
      createCollectionTable(this.db, id)
      let handle = this.#collections.get(name)
      if (handle === undefined || handle.id !== id) {
        handle = new SqliteCollection(this, name, id)
        this.#collections.set(name, handle)
      }
      return handle
    })
    for (const index of spec.indexes) coll.ensureIndex(index)
    return coll
  }

  listCollections(): readonly string[] {
    this.#check()
    return this.statement(
      'SELECT name FROM memgoose_collections WHERE listed = 1 ORDER BY id',
      'pluck'
    ).all() as string[]
  }

  /**
   * Drops a collection's documents and secondary indexes. The (empty) table and catalog row stay,
   * marked unlisted, so handles already given out keep working; the next insert lists it again.
   */
  dropCollection(name: string): boolean {
    this.#check()
    return this.write(() => {
      const row = this.statement(
        'SELECT id, listed FROM memgoose_collections WHERE name = ?',
        'raw'
      ).get(name) as [number, number] | undefined
      if (row === undefined || row[1] === 0) return false
      const [id] = row
      const indexes = this.statement(
        'SELECT id FROM memgoose_indexes WHERE collection = ?',
        'pluck'
      ).all(id) as number[]
      for (const ix of indexes) this.db.exec(`DROP TABLE IF EXISTS "${indexTable(ix)}"`)
      this.statement('DELETE FROM memgoose_indexes WHERE collection = ?').run(id)
      // DROP + CREATE frees the pages at once, where DELETE would walk every row.
      this.db.exec(`DROP TABLE IF EXISTS "${collectionTable(id)}"`)
      createCollectionTable(this.db, id)
      this.statement('UPDATE memgoose_collections SET listed = 0 WHERE id = ?').run(id)
      return true
    })
  }

  /**
   * Runs `fn` in one SQLite transaction (BEGIN IMMEDIATE ... COMMIT, ROLLBACK on a throw).
   * Transactions run one at a time. Calls made without the handle while one is open run inside it
   * (in a savepoint), as on the memory engine; nesting `transaction` calls inside `fn` would wait
   * forever, so don't.
   */
  async transaction<T>(fn: (txn: EngineTxn) => Promise<T>): Promise<T> {
    this.#check()
    const previous = this.#txnTail
    let release!: () => void
    this.#txnTail = new Promise((resolve) => (release = resolve))
    await previous
    try {
      this.#check()
      detachAll(this)
      this.#run('BEGIN IMMEDIATE')
      const txn = new SqliteTxn(this)
      let result: T
      try {
        result = await fn(txn)
        detachAll(this)
        this.#run('COMMIT')
      } catch (error) {
        detachAll(this)
        if (this.#db?.inTransaction === true) this.#run('ROLLBACK')
        throw error
      } finally {
        txn.finish()
      }
      return result
    } finally {
      release()
    }
  }

  async flush(): Promise<void> {
    this.#check()
    detachAll(this)
    // FULL copies the whole WAL into the database file (fsync'd unless synchronous=OFF).
    this.db.pragma('wal_checkpoint(FULL)')
  }

  stats(): EngineStats {
    this.#check()
    const rows = this.statement(
      'SELECT id FROM memgoose_collections WHERE listed = 1',
      'pluck'
    ).all() as number[]
    let documents = 0
    for (const id of rows) {
      documents += Number(
        this.statement(`SELECT count(*) FROM "${collectionTable(id)}"`, 'pluck').get()
      )
    }
    const pages = Number(this.db.pragma('page_count', { simple: true }))
    const pageSize = Number(this.db.pragma('page_size', { simple: true }))
    return {
      engine: this.name,
      collections: rows.length,
      documents,
      storageSize: pages * pageSize,
      details: { file: this.#file, journalMode: 'wal', durability: this.#options.durability },
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    await this.#txnTail
    this.#closed = true
    for (const cursor of [...this.cursors]) cursor.close()
    for (const cache of Object.values(this.#statements)) cache.clear()
    this.#collections.clear()
    const db = this.#db
    this.#db = undefined
    if (db !== undefined && this.#options.database === undefined && db.open) {
      if (this.#options.durability !== 'none') db.pragma('wal_checkpoint(TRUNCATE)')
      db.close()
    }
  }

  statement(sql: string, mode: StatementMode = 'objects'): SqliteStatement {
    const cache = this.#statements[mode]
    let stmt = cache.get(sql)
    if (stmt === undefined || stmt.busy) {
      try {
        stmt = this.db.prepare(sql)
      } catch (error) {
        throw translate(error, this.#file)
      }
      // The mode is set once here: toggling it on every call would cost a native call each time.
      if (mode === 'pluck') stmt.pluck()
      else if (mode === 'raw') stmt.raw()
      if (cache.size >= MAX_STATEMENTS) cache.clear()
      cache.set(sql, stmt)
    }
    return stmt
  }

  write<T>(fn: () => T): T {
    const db = this.db
    detachAll(this)
    if (db.inTransaction) {
      this.#run('SAVEPOINT memgoose_write')
      try {
        const result = fn()
        this.#run('RELEASE memgoose_write')
        return result
      } catch (error) {
        this.#run('ROLLBACK TO memgoose_write')
        this.#run('RELEASE memgoose_write')
        throw translate(error, this.#file)
      }
    }
    this.#run('BEGIN IMMEDIATE')
    try {
      const result = fn()
      this.#run('COMMIT')
      return result
    } catch (error) {
      if (db.inTransaction) this.#run('ROLLBACK')
      throw translate(error, this.#file)
    }
  }

  readError(error: unknown): unknown {
    return translate(error, this.#file)
  }

  check(txn: EngineTxn | undefined): void {
    this.#check()
    if (txn === undefined) return
    if (!(txn instanceof SqliteTxn) || txn.engine !== this) {
      throw new MemgooseError('BAD_TRANSACTION', 'The transaction handle belongs to another engine')
    }
    if (txn.finished) {
      throw new MemgooseError(
        'TRANSACTION_FINISHED',
        'The transaction has already committed or rolled back'
      )
    }
  }

  schemaVersion(): number {
    this.#schemaCheckedAt = Date.now()
    this.#schemaVersion = Number(this.statement('PRAGMA schema_version', 'pluck').get())
    return this.#schemaVersion
  }

  recentSchemaVersion(): number {
    return Date.now() - this.#schemaCheckedAt < SCHEMA_RECHECK_MS
      ? this.#schemaVersion
      : this.schemaVersion()
  }

  #run(sql: string): void {
    try {
      this.statement(sql).run()
    } catch (error) {
      throw translate(error, this.#file)
    }
  }

  #check(): void {
    if (this.#closed) throw new ClosedError('The sqlite engine')
    if (this.#db === undefined) {
      throw new MemgooseError('NOT_OPEN', 'The sqlite engine is not open: call open() first')
    }
  }
}
