/**
 * One collection of the WiredTiger engine: a document table plus one table per secondary index, all
 * written in one WiredTiger transaction. Writes check every constraint before changing anything, so a
 * rejected write leaves nothing behind even inside a caller's transaction.
 */
import {
  MemgooseError,
  NotSupportedError,
  QueryError,
  atPosition,
  duplicateId,
  ID_INDEX,
  type EngineCollection,
  type EngineTxn,
  type IndexInfo,
  type IndexSpec,
  type ScanPlan,
  type StoredDoc,
} from 'memgoose'
import type { Compressor } from '../binding/config.js'
import type { Cursor } from '../binding/cursor.js'
import type { Session } from '../binding/session.js'
import type { Catalog, CollectionEntry } from './catalog.js'
import { decodeDocument, encodeDocument, idKey } from './codec.js'
import { BULK_MIN, putAll } from './bulk-insert.js'
import { countPlan, scanPlan } from './scan.js'
import { SecondaryIndex } from './secondary.js'

/** What a collection needs from its engine. */
export interface WiredTigerHost {
  readonly catalog: Catalog
  readonly options: { compressor: string; tableType: 'btree' | 'lsm' }
  readSession(txn: EngineTxn | undefined): Session
  cursor(session: Session, table: string): Cursor
  write<R>(txn: EngineTxn | undefined, fn: (session: Session) => R): R | Promise<R>
  writeAsync<R>(fn: (session: Session) => Promise<R>): Promise<R>
  ddl<R>(fn: (session: Session) => R, options?: { exclusive?: boolean }): R | Promise<R>
  releaseTable(table: string): void
  scanSession(): Session
}

/** A collection stored in WiredTiger tables. */
export class WiredTigerCollection implements EngineCollection {
  readonly name: string
  #host: WiredTigerHost
  #entry: CollectionEntry
  #indexes: SecondaryIndex[]

  private constructor(host: WiredTigerHost, name: string, entry: CollectionEntry) {
    this.name = name
    this.#host = host
    this.#entry = entry
    this.#indexes = entry.indexes.map((e) => new SecondaryIndex(e))
  }

  /** Opens a collection, creating its table and catalog entry the first time. Runs under ddl(). */
  static open(host: WiredTigerHost, session: Session, name: string): WiredTigerCollection {
    let entry = host.catalog.get(name)
    if (!entry) {
      entry = { table: host.catalog.allocate('c'), indexes: [] }
      createTable(host, session, entry.table)
      host.catalog.set(name, entry)
    }
    return new WiredTigerCollection(host, name, entry)
  }

  /** The document table. */
  get table(): string {
    return this.#entry.table
  }

  /** The secondary indexes. */
  get secondaries(): readonly SecondaryIndex[] {
    return this.#indexes
  }

  get(id: unknown, txn?: EngineTxn): StoredDoc | undefined {
    const session = this.#host.readSession(txn)
    const bytes = this.#host.cursor(session, this.#entry.table).get(idKey(id))
    return bytes === undefined ? undefined : decodeDocument(bytes)
  }

  insert(docs: readonly StoredDoc[], txn?: EngineTxn): void | Promise<void> {
    if (txn === undefined && docs.length >= BULK_MIN) return this.#bulkInsert(docs)
    return this.#host.write(txn, (session) => this.#insertChecked(session, docs))
  }

  async #bulkInsert(docs: readonly StoredDoc[]): Promise<void> {
    let multikey: SecondaryIndex[]
    let rejected = false
    try {
      multikey = await this.#host.writeAsync((session) =>
        putAll(session, this.#entry.table, this.#indexes, docs).catch((err: unknown) => {
          rejected = true
          throw err
        })
      )
    } catch (err) {
      // A failure after the commit (the log sync) is the caller's to see, not a reason to redo.
      if (!rejected) throw err
      // Rolled back. The checking path reports the exact error (or the duplicate's position).
      await this.#host.write(undefined, (session) => this.#insertChecked(session, docs))
      return
    }
    for (const idx of multikey) this.#markMultikey(idx)
  }

  /** Checks every constraint, then writes: a rejected insert writes nothing. */
  #insertChecked(session: Session, docs: readonly StoredDoc[]): void {
    const main = this.#host.cursor(session, this.#entry.table)
    const ids = docs.map((d) => idKey(d._id))
    const multikey = this.#indexes.map(() => false)
    const keys = docs.map((d) =>
      this.#indexes.map((idx, n) => {
        const k = idx.keys(d)
        if (idx.keyer.lastMultikey || k.length > 1) multikey[n] = true
        return k
      })
    )
    const seenIds = new Set<string>()
    const seenKeys = this.#indexes.map(() => new Set<string>())
    for (let i = 0; i < docs.length; i++) {
      const id = ids[i].toString('latin1')
      if (seenIds.has(id) || main.get(ids[i]) !== undefined)
        throw atPosition(duplicateId(this.name, docs[i]._id), i)
      seenIds.add(id)
      this.#indexes.forEach((idx, n) => {
        if (!idx.unique) return
        const cursor = this.#host.cursor(session, idx.entry.table)
        for (const key of keys[i][n]) {
          if (seenKeys[n].has(key) || idx.holder(cursor, key) !== undefined) {
            throw atPosition(idx.duplicate(this.name, docs[i], key), i)
          }
          seenKeys[n].add(key)
        }
      })
    }
    for (let i = 0; i < docs.length; i++) main.insert(ids[i], encodeDocument(docs[i]))
    this.#indexes.forEach((idx, n) => {
      const cursor = this.#host.cursor(session, idx.entry.table)
      for (let i = 0; i < docs.length; i++) idx.add(cursor, keys[i][n], ids[i])
      if (multikey[n]) this.#markMultikey(idx)
    })
  }

  replace(doc: StoredDoc, txn?: EngineTxn): boolean | Promise<boolean> {
    return this.#host.write(txn, (session) => {
      const main = this.#host.cursor(session, this.#entry.table)
      const id = idKey(doc._id)
      const before = main.get(id)
      if (before === undefined) return false
      const old = decodeDocument(before)
      const changes = this.#indexes.map((idx) => {
        const oldKeys = idx.keys(old)
        const newKeys = idx.keys(doc)
        const multikey = idx.keyer.lastMultikey || newKeys.length > 1
        const oldSet = new Set(oldKeys)
        const newSet = new Set(newKeys)
        return {
          removed: oldKeys.filter((k) => !newSet.has(k)),
          added: newKeys.filter((k) => !oldSet.has(k)),
          multikey,
        }
      })
      this.#indexes.forEach((idx, n) => {
        if (!idx.unique) return
        const cursor = this.#host.cursor(session, idx.entry.table)
        for (const key of changes[n].added) {
          const holder = idx.holder(cursor, key)
          if (holder !== undefined && !holder.equals(id)) throw idx.duplicate(this.name, doc, key)
        }
      })
      this.#indexes.forEach((idx, n) => {
        const cursor = this.#host.cursor(session, idx.entry.table)
        idx.remove(cursor, changes[n].removed, id)
        idx.add(cursor, changes[n].added, id)
        if (changes[n].multikey) this.#markMultikey(idx)
      })
      main.put(id, encodeDocument(doc))
      return true
    })
  }

  delete(ids: readonly unknown[], txn?: EngineTxn): number | Promise<number> {
    return this.#host.write(txn, (session) => {
      const main = this.#host.cursor(session, this.#entry.table)
      let deleted = 0
      for (const value of ids) {
        const id = idKey(value)
        const bytes = main.get(id)
        if (bytes === undefined) continue
        const old = decodeDocument(bytes)
        for (const idx of this.#indexes)
          idx.remove(this.#host.cursor(session, idx.entry.table), idx.keys(old), id)
        main.remove(id)
        deleted++
      }
      return deleted
    })
  }

  scan(plan: ScanPlan, txn?: EngineTxn) {
    return scanPlan(this.#host, this, plan, txn)
  }

  count(plan: ScanPlan, txn?: EngineTxn): number | Promise<number> {
    return countPlan(this.#host, this, plan, txn)
  }

  explainScan(plan: ScanPlan): Record<string, unknown> {
    const index =
      plan.index === undefined || plan.index === ID_INDEX.name ? undefined : this.index(plan.index)
    return {
      engine: 'wiredtiger',
      stage: plan.index === undefined ? 'COLLSCAN' : 'IXSCAN',
      ...(plan.index !== undefined
        ? { indexName: plan.index, table: index?.entry.table ?? this.#entry.table }
        : { table: this.#entry.table }),
      ranges: plan.ranges?.length ?? 0,
      reverse: plan.reverse === true,
    }
  }

  /** The secondary index called `name`; throws a coded error when there is none. */
  index(name: string): SecondaryIndex {
    const idx = this.#indexes.find((i) => i.entry.spec.name === name)
    if (!idx) throw new QueryError('INDEX_NOT_FOUND', `No index named "${name}" on ${this.name}`)
    return idx
  }

  async ensureIndex(spec: IndexSpec): Promise<void> {
    if (spec.name === ID_INDEX.name) return
    const existing = this.#indexes.find((i) => i.entry.spec.name === spec.name)
    if (existing) {
      if (!sameSpec(existing.entry.spec, spec)) {
        throw new MemgooseError(
          'INDEX_CONFLICT',
          `An index named "${spec.name}" already exists with a different definition`
        )
      }
      return
    }
    if ((spec as { weights?: unknown }).weights !== undefined)
      throw new NotSupportedError('Text indexes are not supported')
    const build = (session: Session) => {
      const table = this.#host.catalog.allocate('i')
      createTable(this.#host, session, table)
      const idx = new SecondaryIndex({ spec: normalizeSpec(spec), table, multikey: false })
      try {
        buildIndex(this.#host, session, this, idx)
      } catch (err) {
        this.#host.releaseTable(table)
        session.dropTable(table, { force: true })
        throw err
      }
      this.#indexes.push(idx)
      this.#saveEntry()
    }
    // An empty collection has nothing a concurrent writer could leave unindexed: build right away
    // (this also works inside a transaction). Otherwise keep writers out while the index is built.
    await this.#host.ddl(build, { exclusive: !this.#isEmpty() })
  }

  #isEmpty(): boolean {
    const session = this.#host.readSession(undefined)
    return (
      this.#host.cursor(session, this.#entry.table).scanSync({ limit: 1, values: false }).length ===
      0
    )
  }

  async dropIndex(name: string): Promise<boolean> {
    if (name === ID_INDEX.name)
      throw new QueryError('CANNOT_DROP_ID_INDEX', 'The _id_ index cannot be dropped')
    const idx = this.#indexes.find((i) => i.entry.spec.name === name)
    if (!idx) return false
    await this.#host.ddl(
      (session) => {
        this.#indexes = this.#indexes.filter((i) => i !== idx)
        this.#saveEntry()
        this.#host.releaseTable(idx.entry.table)
        session.dropTable(idx.entry.table, { force: true })
      },
      { exclusive: true }
    )
    return true
  }

  listIndexes(): readonly IndexInfo[] {
    return [ID_INDEX, ...this.#indexes.map((i) => i.info())]
  }

  async clear(): Promise<void> {
    await this.#host.ddl(
      (session) => {
        for (const table of [this.#entry.table, ...this.#indexes.map((i) => i.entry.table)]) {
          this.#host.releaseTable(table)
          session.dropTable(table, { force: true })
          createTable(this.#host, session, table)
        }
      },
      { exclusive: true }
    )
  }

  #markMultikey(idx: SecondaryIndex): void {
    if (idx.entry.multikey) return
    idx.entry.multikey = true
    this.#saveEntry()
  }

  #saveEntry(): void {
    this.#entry = { table: this.#entry.table, indexes: this.#indexes.map((i) => i.entry) }
    this.#host.catalog.set(this.name, this.#entry)
  }
}

function createTable(host: WiredTigerHost, session: Session, table: string): void {
  session.createTable(table, {
    compressor: host.options.compressor as Compressor,
    type: host.options.tableType,
  })
}

/** Fills a new index from every document, refusing (writing nothing) on a unique violation. */
function buildIndex(
  host: WiredTigerHost,
  session: Session,
  collection: WiredTigerCollection,
  idx: SecondaryIndex
): void {
  const main = host.cursor(session, collection.table)
  const cursor = host.cursor(session, idx.entry.table)
  const seen = new Set<string>()
  session.begin()
  try {
    let after: Buffer | undefined
    for (;;) {
      const batch = main.scanSync({ ...(after ? { gt: after } : {}), limit: 1000 })
      if (batch.length === 0) break
      for (const [key, value] of batch) {
        const doc = decodeDocument(value)
        const keys = idx.keys(doc)
        if (idx.unique) {
          for (const k of keys) {
            if (seen.has(k)) throw idx.duplicate(collection.name, doc, k)
            seen.add(k)
          }
        }
        if (idx.keyer.lastMultikey || keys.length > 1) idx.entry.multikey = true
        idx.add(cursor, keys, key)
      }
      after = batch[batch.length - 1][0]
    }
    session.commit()
  } catch (err) {
    if (session.inTransaction) session.rollback()
    throw err
  }
}

function normalizeSpec(spec: IndexSpec): IndexSpec {
  return {
    name: spec.name,
    key: spec.key.map(([path, dir]) => [path, dir] as const),
    ...(spec.unique ? { unique: true } : {}),
    ...(spec.sparse ? { sparse: true } : {}),
    ...(spec.partialFilterExpression
      ? { partialFilterExpression: spec.partialFilterExpression }
      : {}),
    ...(spec.expireAfterSeconds !== undefined
      ? { expireAfterSeconds: spec.expireAfterSeconds }
      : {}),
  }
}

function sameSpec(a: IndexSpec, b: IndexSpec): boolean {
  const norm = (s: IndexSpec) => JSON.stringify(normalizeSpec(s))
  return norm(a) === norm(b)
}
