/**
 * SQLite-specific engine behaviour: options, the single database file, durability pragmas, an
 * injected Database, corrupt files, savepoints and explain output.
 */
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CorruptionError, DuplicateKeyError, LockedError } from 'memgoose'
import { loadBetterSqlite3 } from '../src/driver.js'
import { backend, createSqliteEngine, sqlite } from '../src/index.js'
import type { SqliteEngine } from '../src/index.js'
import { collect, openEngine, tempDir } from './helpers.js'

describe('options', () => {
  it('rejects misspelled and unknown options with the fix in the message', () => {
    expect(() => createSqliteEngine({ datapath: 'x' } as never)).toThrow(
      'misspelled option "datapath" should be "dataPath"'
    )
    expect(() => createSqliteEngine({ dataPath: 'x', synchronous: 'full' } as never)).toThrow(
      'should be "durability"'
    )
    expect(() => createSqliteEngine({ dataPath: 'x', bogus: 1 } as never)).toThrow(
      /unknown option "bogus"/
    )
    expect(() => createSqliteEngine({} as never)).toThrow(/"dataPath" option .* is required/)
    expect(() => createSqliteEngine({ dataPath: 'x', durability: 'disk' } as never)).toThrow(
      /"durability" must be one of none, memory, os, full/
    )
    expect(() => createSqliteEngine({ dataPath: 'x', filename: '../evil' })).toThrow(
      /plain file name/
    )
  })

  it('exposes the backend, and a bound factory whose options the connection can override', async () => {
    expect(backend.name).toBe('sqlite')
    const bound = sqlite({ dataPath: tempDir(), durability: 'full' })
    const overridden = bound.createEngine({ durability: 'none' }) as SqliteEngine
    await overridden.open()
    expect(overridden.db.pragma('synchronous', { simple: true })).toBe(0)
    await overridden.close()
    const kept = bound.createEngine({ durability: undefined }) as SqliteEngine
    await kept.open()
    expect(kept.db.pragma('synchronous', { simple: true })).toBe(2)
    await kept.close()
  })

  it('maps durability to PRAGMA synchronous in WAL mode', async () => {
    const levels = { none: 0, memory: 0, os: 1, full: 2 } as const
    for (const [durability, synchronous] of Object.entries(levels)) {
      const engine = await openEngine({ durability: durability as keyof typeof levels })
      expect(engine.db.pragma('synchronous', { simple: true })).toBe(synchronous)
      expect(engine.db.pragma('journal_mode', { simple: true })).toBe('wal')
      await engine.close()
    }
  })
})

describe('storage', () => {
  it('keeps every collection in one SQLite file', async () => {
    const dir = tempDir()
    const engine = createSqliteEngine({ dataPath: dir })
    await engine.open()
    for (const name of ['users', 'posts', 'comments'])
      engine.collection(name).insert([{ _id: 1, name }])
    await engine.close()
    expect(readdirSync(dir)).toEqual(['memgoose.sqlite'])
  })

  it('uses an injected Database and leaves it open on close', async () => {
    const Database = await loadBetterSqlite3()
    const db = new Database(join(tempDir(), 'mine.db'))
    const engine = createSqliteEngine({ database: db })
    await engine.open()
    engine.collection('things').insert([{ _id: 'a', n: 1 }])
    await engine.close()
    expect(db.open).toBe(true)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    expect(tables).toContain('memgoose_collections')
    db.close()
  })

  it('reports a non-SQLite file at the data path as CorruptionError', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'memgoose.sqlite'), Buffer.alloc(8192, 'not a database at all '))
    const engine = createSqliteEngine({ dataPath: dir })
    const error = await engine.open().then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(CorruptionError)
    expect((error as CorruptionError).code).toBe('CORRUPTION')
    expect((error as CorruptionError).file).toBe(join(dir, 'memgoose.sqlite'))
  })

  it('reports a damaged database as CorruptionError when it is read', async () => {
    const dir = tempDir()
    const engine = createSqliteEngine({ dataPath: dir })
    await engine.open()
    const docs = Array.from({ length: 2000 }, (_, i) => ({ _id: i, text: 'x'.repeat(200) }))
    engine.collection('big').insert(docs)
    await engine.close()
    const file = join(dir, 'memgoose.sqlite')
    const { readFileSync } = await import('node:fs')
    const bytes = readFileSync(file)
    // Overwrite pages in the middle of the file (keeping the header) with garbage.
    bytes.fill(0xa5, 8192, bytes.length - 8192)
    writeFileSync(file, bytes)
    const reopened = createSqliteEngine({ dataPath: dir })
    const error = await (async () => {
      await reopened.open()
      await collect(reopened.collection('big').scan({}))
    })().then(
      () => undefined,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(CorruptionError)
    await reopened.close().catch(() => undefined)
  })
})

describe('transactions', () => {
  it('rolls back only the failed call inside a transaction (savepoint)', async () => {
    const engine = await openEngine()
    const c = engine.collection('t')
    await engine.transaction(async (txn) => {
      c.insert([{ _id: 1 }], txn)
      expect(() => c.insert([{ _id: 2 }, { _id: 1 }], txn)).toThrow(DuplicateKeyError)
      c.insert([{ _id: 3 }], txn)
    })
    expect((await collect(c.scan({}))).map((d) => (d as { _id: number })._id)).toEqual([1, 3])
    await engine.close()
  })

  it('keeps a failed transaction out of the file', async () => {
    const dir = tempDir()
    const engine = createSqliteEngine({ dataPath: dir })
    await engine.open()
    const c = engine.collection('t')
    await expect(
      engine.transaction(async (txn) => {
        c.insert([{ _id: 1 }], txn)
        throw new Error('abort')
      })
    ).rejects.toThrow('abort')
    await engine.close()
    const Database = await loadBetterSqlite3()
    const db = new Database(join(dir, 'memgoose.sqlite'))
    expect(db.prepare('SELECT count(*) FROM mg_c1').pluck().get()).toBe(0)
    db.close()
  })
})

describe('locking', () => {
  it('fails a write with LockedError when another connection holds the lock past busyTimeout', async () => {
    const dataPath = tempDir()
    const holder = createSqliteEngine({ dataPath })
    await holder.open()
    const other = createSqliteEngine({ dataPath, busyTimeout: 50 })
    await other.open()
    const mine = holder.collection('locked')
    const theirs = other.collection('locked')
    let release!: () => void
    const held = holder.transaction(async (txn) => {
      mine.insert([{ _id: 1 }], txn)
      await new Promise<void>((resolve) => (release = resolve))
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(() => theirs.insert([{ _id: 2 }])).toThrow(LockedError)
    // Readers are not blocked, and do not see the open transaction.
    expect(theirs.get(1)).toBeUndefined()
    release()
    await held
    theirs.insert([{ _id: 2 }])
    expect(theirs.count({})).toBe(2)
    await other.close()
    await holder.close()
  })
})

describe('explain', () => {
  it('shows the SQL, its bound parameters, and what runs as a JS residual', async () => {
    const engine = await openEngine()
    const c = engine.collection('e')
    const pushed = c.explainScan({
      filter: { name: 'Ann', age: { $gte: 30 } },
      sort: [['age', -1]],
      limit: 5,
    })
    expect(pushed.sql).toMatch(
      /^SELECT d\.doc FROM "mg_c1" AS d WHERE .* ORDER BY memgoose_sortkey/
    )
    expect(pushed.sql).not.toContain('Ann')
    expect(Object.values(pushed.params as object)).toContain('Ann')
    expect(pushed.residual).toBeUndefined()
    const partial = c.explainScan({ filter: { name: 'Ann', 'tags.0': 'a' } })
    expect(partial.residual).toEqual({ 'tags.0': 'a' })
    expect((partial.pushedDown as { filter: boolean }).filter).toBe(false)
    await engine.close()
  })
})

describe('collections', () => {
  it('keeps handles usable after dropCollection, listing the collection again on insert', async () => {
    const engine = await openEngine()
    const c = engine.collection('gone', {
      indexes: [{ name: 'a_1', key: [['a', 1]], unique: true }],
    })
    c.insert([{ _id: 1, a: 1 }])
    expect(engine.dropCollection('gone')).toBe(true)
    expect(engine.dropCollection('gone')).toBe(false)
    expect(engine.listCollections()).toEqual([])
    expect(c.get(1)).toBeUndefined()
    expect((await c.listIndexes()).map((i) => i.name)).toEqual(['_id_'])
    c.insert([
      { _id: 2, a: 1 },
      { _id: 3, a: 1 },
    ])
    expect(engine.listCollections()).toEqual(['gone'])
    expect(c.count({})).toBe(2)
    await engine.close()
  })
})
