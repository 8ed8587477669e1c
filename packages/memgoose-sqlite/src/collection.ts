/**
 * A collection stored in SQLite: documents in their own table, secondary indexes in entry tables
 * maintained in the same SQLite transaction as the write (see schema.ts, indexes.ts). Reads return
 * freshly decoded objects (`ownedResults`).
 */
import { Buffer } from 'node:buffer'
import { decodeDocument, encodeValue } from './codec.js'
import { MemgooseError, QueryError, encodeKey } from './core.js'
import type {
  DocBatches,
  EngineCollection,
  EngineTxn,
  IndexInfo,
  IndexSpec,
  ScanPlan,
  StoredDoc,
} from './core.js'
import { CHUNK, insertChunk, markMultikey } from './bulk-insert.js'
import { RowCursor, batches, scanBatches } from './cursor.js'
import { isUniqueViolation } from './errors.js'
import {
  ID_INDEX,
  SqliteIndex,
  atPosition,
  duplicateId,
  sameSpec,
  validateSpec,
} from './indexes.js'
import type { EngineHost } from './host.js'
import { collectionTable, createIndexTable } from './schema.js'
import { buildScan, idTarget, pointKey } from './sql/scan.js'
import type { ScanTarget } from './sql/scan.js'

const BUILD_BATCH = 1000
// Thrown inside a bulk insert's write when a chunk skipped a colliding row, to roll it back.
const COLLISION = Symbol('collision')

/** The SQLite engine's EngineCollection. */
export class SqliteCollection implements EngineCollection {
  readonly name: string
  readonly id: number
  readonly table: string
  readonly #host: EngineHost
  #indexes: SqliteIndex[] = []
  #schemaVersion = -1
  readonly #idTarget: ScanTarget

  constructor(host: EngineHost, name: string, id: number) {
    this.#host = host
    this.name = name
    this.id = id
    this.table = collectionTable(id)
    this.#idTarget = idTarget(this.table)
  }

  get(id: unknown, txn?: EngineTxn): StoredDoc | undefined {
    this.#host.check(txn)
    let text: unknown
    try {
      text = this.#host
        .statement(`SELECT doc FROM "${this.table}" WHERE id = ?`, 'pluck')
        .get(key(id))
    } catch (error) {
      throw this.#host.readError(error)
    }
    return text === undefined ? undefined : (decodeDocument(text as string) as StoredDoc)
  }

  insert(docs: readonly StoredDoc[], txn?: EngineTxn): void {
    this.#host.check(txn)
    if (docs.length === 0) return
    const ids = docs.map((doc, i) => {
      if (typeof doc !== 'object' || doc === null || doc._id === undefined) {
        throw new MemgooseError('BAD_DOCUMENT', `Document ${i} has no _id`)
      }
      return key(doc._id)
    })
    try {
      this.#write(() => {
        const indexes = this.#current()
        this.#list()
        if (docs.length === 1) {
          this.#insertOne(docs[0], ids[0], 0, indexes)
          return
        }
        let rid =
          Number(this.#host.statement(`SELECT max(rid) FROM "${this.table}"`, 'pluck').get() ?? 0) +
          1
        for (let start = 0; start < docs.length; start += CHUNK) {
          const end = Math.min(docs.length, start + CHUNK)
          if (!insertChunk(this.#host, this.table, indexes, docs, ids, start, end, rid)) {
            throw COLLISION
          }
          rid += end - start
        }
      })
    } catch (error) {
      if (error !== COLLISION) throw error
      // Some key collided: redo the whole call one document at a time, which throws the
      // DuplicateKeyError of the first document that collides (and rolls everything back).
      this.#write(() => {
        const indexes = this.#current()
        this.#list()
        for (let i = 0; i < docs.length; i++) this.#insertOne(docs[i], ids[i], i, indexes)
      })
    }
  }

  /**
   * host.write, forgetting the cached catalog when `fn` throws: the rollback may have undone a
   * multikey flag this handle already set on its indexes.
   */
  #write<T>(fn: () => T): T {
    try {
      return this.#host.write(fn)
    } catch (error) {
      this.#schemaVersion = -1
      throw error
    }
  }

  /** Lists the collection again if it was dropped (a write makes it exist). */
  #list(): void {
    this.#host
      .statement('UPDATE memgoose_collections SET listed = 1 WHERE id = ? AND listed = 0')
      .run(this.id)
  }

  #insertOne(doc: StoredDoc, id: Buffer, position: number, indexes: readonly SqliteIndex[]): void {
    let rid: number | bigint
    try {
      rid = this.#host
        .statement(`INSERT INTO "${this.table}" (id, doc) VALUES (?, ?)`)
        .run(id, encodeValue(doc)).lastInsertRowid
    } catch (error) {
      if (isUniqueViolation(error)) throw atPosition(duplicateId(this.name, doc._id), position)
      throw error
    }
    for (const idx of indexes) this.#addKeys(idx, doc, idx.keys(doc), rid, position)
  }

  replace(doc: StoredDoc, txn?: EngineTxn): boolean {
    this.#host.check(txn)
    return this.#write(() => {
      const indexes = this.#current()
      const row = this.#host
        .statement(`SELECT rid, doc FROM "${this.table}" WHERE id = ?`, 'raw')
        .get(key(doc._id)) as [number, string] | undefined
      if (row === undefined) return false
      const [rid, text] = row
      if (indexes.length > 0) {
        const prev = decodeDocument(text) as StoredDoc
        for (const idx of indexes) {
          const before = idx.keys(prev)
          const after = idx.keys(doc)
          const kept = new Set(after.map((k) => k.toString('latin1')))
          const had = new Set(before.map((k) => k.toString('latin1')))
          const remove = this.#host.statement(`DELETE FROM "${idx.table}" WHERE k = ? AND rid = ?`)
          for (const k of before) if (!kept.has(k.toString('latin1'))) remove.run(k, rid)
          this.#addKeys(
            idx,
            doc,
            after.filter((k) => !had.has(k.toString('latin1'))),
            rid,
            0
          )
        }
      }
      this.#host
        .statement(`UPDATE "${this.table}" SET doc = ? WHERE rid = ?`)
        .run(encodeValue(doc), rid)
      return true
    })
  }

  delete(ids: readonly unknown[], txn?: EngineTxn): number {
    this.#host.check(txn)
    if (ids.length === 0) return 0
    return this.#host.write(() => {
      const indexes = this.#current()
      const find = this.#host.statement(`SELECT rid, doc FROM "${this.table}" WHERE id = ?`, 'raw')
      const remove = this.#host.statement(`DELETE FROM "${this.table}" WHERE rid = ?`)
      let deleted = 0
      for (const id of ids) {
        const row = find.get(key(id)) as [number, string] | undefined
        if (row === undefined) continue
        if (indexes.length > 0) {
          const prev = decodeDocument(row[1]) as StoredDoc
          for (const idx of indexes) {
            const drop = this.#host.statement(`DELETE FROM "${idx.table}" WHERE k = ? AND rid = ?`)
            for (const k of idx.keys(prev)) drop.run(k, row[0])
          }
        }
        deleted += remove.run(row[0]).changes
      }
      return deleted
    })
  }

  scan(plan: ScanPlan, txn?: EngineTxn): DocBatches {
    this.#host.check(txn)
    const target = this.#target(plan)
    const key = pointKey(plan, target)
    if (key === undefined) {
      return scanBatches(this.#host, buildScan(plan, target), Math.max(1, plan.batchSize ?? 256))
    }
    // The commonest read (a findOne by `_id` or a unique key) answers at once: one row at most.
    let text: unknown
    try {
      text = this.#host.statement(target.pointSql, 'pluck').get(key)
    } catch (error) {
      throw this.#host.readError(error)
    }
    return text === undefined ? [] : [[decodeDocument(text as string) as StoredDoc]]
  }

  count(plan: ScanPlan, txn?: EngineTxn): number {
    this.#host.check(txn)
    const query = buildScan(plan, this.#target(plan), true)
    const stmt = this.#host.statement(query.sql, 'pluck')
    if (query.residual === undefined) {
      try {
        return Number(stmt.get(query.params))
      } catch (error) {
        throw this.#host.readError(error)
      }
    }
    let n = 0
    const cursor = new RowCursor(this.#host, stmt.iterate(query.params))
    try {
      for (const batch of batches(cursor, query, 1024)) n += batch.length
    } finally {
      cursor.close()
    }
    return n
  }

  explainScan(plan: ScanPlan): Record<string, unknown> {
    this.#host.check(undefined)
    const query = buildScan(plan, this.#target(plan))
    const steps = this.#host.statement(`EXPLAIN QUERY PLAN ${query.sql}`).all(query.params) as {
      detail: string
    }[]
    return {
      engine: 'sqlite',
      stage: plan.index === undefined ? 'COLLSCAN' : 'IXSCAN',
      indexName: plan.index,
      sql: query.sql,
      params: query.params,
      residual: query.residualFilter,
      pushedDown: { filter: query.residual === undefined, sort: plan.sort !== undefined },
      queryPlan: steps.map((s) => s.detail),
    }
  }

  ensureIndex(spec: IndexSpec): void {
    this.#host.check(undefined)
    validateSpec(spec)
    this.#host.write(() => {
      const existing =
        spec.name === ID_INDEX.name
          ? ID_INDEX
          : this.#current().find((i) => i.spec.name === spec.name)?.spec
      if (existing !== undefined) {
        if (!sameSpec(existing, spec)) {
          throw new QueryError(
            'INDEX_CONFLICT',
            `An index named "${spec.name}" already exists with a different definition`
          )
        }
        return
      }
      const stored = this.#host
        .statement('INSERT INTO memgoose_indexes (collection, name, spec) VALUES (?, ?, ?)')
        .run(this.id, spec.name, encodeValue(spec))
      const idx = new SqliteIndex(Number(stored.lastInsertRowid), spec, false)
      createIndexTable(this.#host.db, idx.id, spec)
      this.#build(idx)
      this.#schemaVersion = -1
    })
  }

  dropIndex(name: string): boolean {
    this.#host.check(undefined)
    if (name === ID_INDEX.name) {
      throw new QueryError('CANNOT_DROP_ID_INDEX', 'The _id_ index cannot be dropped')
    }
    return this.#host.write(() => {
      const idx = this.#current().find((i) => i.spec.name === name)
      if (idx === undefined) return false
      this.#host.db.exec(`DROP TABLE "${idx.table}"`)
      this.#host.statement('DELETE FROM memgoose_indexes WHERE id = ?').run(idx.id)
      this.#schemaVersion = -1
      return true
    })
  }

  listIndexes(): readonly IndexInfo[] {
    this.#host.check(undefined)
    return [ID_INDEX, ...this.#current().map((i) => i.info())]
  }

  clear(): void {
    this.#host.check(undefined)
    this.#host.write(() => {
      for (const idx of this.#current()) this.#host.db.exec(`DELETE FROM "${idx.table}"`)
      this.#host.db.exec(`DELETE FROM "${this.table}"`)
      this.#host
        .statement('UPDATE memgoose_indexes SET multikey = 0 WHERE collection = ?')
        .run(this.id)
      for (const idx of this.#indexes) idx.multikey = false
    })
  }

  /** The indexes as the catalog has them now (reloaded when another connection changed the schema). */
  #current(): SqliteIndex[] {
    const version = this.#host.schemaVersion()
    if (version !== this.#schemaVersion) {
      const rows = this.#host
        .statement(
          'SELECT id, spec, multikey FROM memgoose_indexes WHERE collection = ? ORDER BY id',
          'raw'
        )
        .all(this.id) as [number, string, number][]
      this.#indexes = rows.map(
        ([id, spec, multikey]) =>
          new SqliteIndex(id, decodeDocument(spec) as unknown as IndexSpec, multikey === 1)
      )
      this.#schemaVersion = version
    }
    return this.#indexes
  }

  /**
   * What a scan walks. Reads check the catalog at most every few milliseconds (host.recentSchemaVersion),
   * so a lookup rarely costs a catalog query; writes always check.
   */
  #target(plan: ScanPlan): ScanTarget {
    if (plan.index === undefined || plan.index === ID_INDEX.name) return this.#idTarget
    const fresh = this.#schemaVersion === this.#host.recentSchemaVersion()
    const idx =
      (fresh ? this.#find(plan.index) : undefined) ?? this.#find(plan.index, this.#current())
    if (idx === undefined) {
      throw new QueryError('INDEX_NOT_FOUND', `No index named "${plan.index}" on "${this.name}"`)
    }
    return idx.target(this.table)
  }

  #find(name: string, indexes = this.#indexes): SqliteIndex | undefined {
    for (const idx of indexes) if (idx.spec.name === name) return idx
    return undefined
  }

  #addKeys(
    idx: SqliteIndex,
    doc: StoredDoc,
    keys: Buffer[],
    rid: number | bigint,
    position: number
  ) {
    const add = this.#host.statement(`INSERT INTO "${idx.table}" (k, rid) VALUES (?, ?)`)
    for (const k of keys) {
      try {
        add.run(k, rid)
      } catch (error) {
        if (isUniqueViolation(error)) throw atPosition(idx.duplicate(this.name, doc, k), position)
        throw error
      }
    }
    if (idx.keyer.lastMultikey && !idx.multikey) markMultikey(this.#host, idx)
  }

  /** Fills a new index from the existing documents, in rowid batches (no statement stays open). */
  #build(idx: SqliteIndex): void {
    const page = this.#host.statement(
      `SELECT rid, doc FROM "${this.table}" WHERE rid > ? ORDER BY rid LIMIT ${BUILD_BATCH}`,
      'raw'
    )
    let last = 0
    for (;;) {
      const rows = page.all(last) as [number, string][]
      for (const [rid, text] of rows) {
        const doc = decodeDocument(text) as StoredDoc
        this.#addKeys(idx, doc, idx.keys(doc), rid, 0)
      }
      if (rows.length < BUILD_BATCH) break
      last = rows[rows.length - 1][0]
    }
  }
}

/** The primary key of an `_id`: its order-preserving encoding. */
function key(id: unknown): Buffer {
  return Buffer.from(encodeKey([id]), 'latin1')
}
