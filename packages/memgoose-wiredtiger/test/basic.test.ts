import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openConnection, type Connection, type Cursor, type Session } from '../src/index.js'
import { b, key, tempDir, value } from './helpers.js'

describe('point operations and scans', () => {
  let conn: Connection
  let session: Session
  let cursor: Cursor

  beforeAll(async () => {
    conn = await openConnection(tempDir())
    session = conn.openSession()
    session.createTable('t')
    cursor = session.openCursor('t')
    for (let i = 0; i < 100; i++) cursor.put(key(i), value(i))
  })
  afterAll(() => conn.close())

  it('puts, gets, overwrites and removes binary keys and values', () => {
    const binary = Buffer.from([0, 255, 1, 0, 128])
    cursor.put(binary, Buffer.from([9, 0, 9]))
    expect(cursor.get(binary)).toEqual(Buffer.from([9, 0, 9]))
    cursor.put(binary, new Uint8Array([7]))
    expect(cursor.get(binary)).toEqual(Buffer.from([7]))
    expect(cursor.get(b('missing'))).toBeUndefined()
    expect(cursor.remove(binary)).toBe(true)
    expect(cursor.remove(binary)).toBe(false)
    expect(cursor.get(binary)).toBeUndefined()
  })

  it('stores empty values', () => {
    cursor.put(b('empty'), Buffer.alloc(0))
    expect(cursor.get(b('empty'))).toEqual(Buffer.alloc(0))
    cursor.remove(b('empty'))
  })

  it('insert refuses an existing key with WT_DUPLICATE_KEY', () => {
    cursor.insert(b('fresh'), b('1'))
    expect(() => cursor.insert(b('fresh'), b('2'))).toThrow(
      expect.objectContaining({ code: 'WT_DUPLICATE_KEY', name: 'WiredTigerError' })
    )
    expect(cursor.get(b('fresh'))).toEqual(b('1'))
    cursor.remove(b('fresh'))
  })

  it('scans synchronously within inclusive and exclusive bounds, both directions', () => {
    const keys = (entries: [Buffer, Buffer][]) => entries.map(([k]) => k.toString())
    expect(keys(cursor.scanSync({ gte: key(10), lte: key(13) }))).toEqual(
      [10, 11, 12, 13].map((i) => key(i).toString())
    )
    expect(keys(cursor.scanSync({ gt: key(10), lt: key(13) }))).toEqual(
      [11, 12].map((i) => key(i).toString())
    )
    expect(keys(cursor.scanSync({ gte: key(10), lte: key(13), reverse: true }))).toEqual(
      [13, 12, 11, 10].map((i) => key(i).toString())
    )
    expect(keys(cursor.scanSync({ gt: b('k0000009'), limit: 3 }))).toEqual(
      [90, 91, 92].map((i) => key(i).toString())
    )
    expect(cursor.scanSync({ gt: key(99) })).toEqual([])
    expect(cursor.scanSync()).toHaveLength(100)
    const [entry] = cursor.scanSync({ gte: key(5), limit: 1 })
    expect(entry).toEqual([key(5), value(5)])
  })

  it('scans asynchronously in batches and resumes after each batch', async () => {
    const batches: number[] = []
    const seen: string[] = []
    for await (const batch of cursor.scan({ gte: key(20), lt: key(45), batchSize: 10 })) {
      batches.push(batch.length)
      for (const [k, v] of batch) {
        seen.push(k.toString())
        expect(v).toEqual(value(Number(k.toString().slice(1))))
      }
    }
    expect(batches).toEqual([10, 10, 5])
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => key(20 + i).toString()))
    const reversed: string[] = []
    for await (const batch of cursor.scan({ reverse: true, limit: 7, batchSize: 3, values: false }))
      for (const [k, v] of batch) {
        reversed.push(k.toString())
        expect(v).toHaveLength(0)
      }
    expect(reversed).toEqual([99, 98, 97, 96, 95, 94, 93].map((i) => key(i).toString()))
  })

  it('finds the nearest key with searchNear', () => {
    expect(cursor.searchNear(key(7))).toEqual({ exact: 0, key: key(7), value: value(7) })
    const near = cursor.searchNear(b('k00000007x'))
    expect(near && [-1, 1]).toContain(near?.exact)
    expect([key(7).toString(), key(8).toString()]).toContain(near?.key.toString())
  })

  it('bulk-loads entries on a worker thread', async () => {
    session.createTable('bulk', { compressor: 'snappy' })
    const entries = Array.from({ length: 5000 }, (_, i) => [key(i), value(i)] as const)
    await session.putMany('bulk', entries)
    const bulk = session.openCursor('bulk')
    expect(bulk.get(key(4999))).toEqual(value(4999))
    let count = 0
    for await (const batch of bulk.scan({ batchSize: 2000 })) count += batch.length
    expect(count).toBe(5000)
    // overwrite=false: one duplicate fails the whole batch, and the error says which entry.
    const error = await session
      .putMany(
        'bulk',
        [
          [b('new-1'), b('x')],
          [key(3), b('y')],
        ],
        { overwrite: false }
      )
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'WT_DUPLICATE_KEY', index: 1 })
    expect(bulk.get(b('new-1'))).toBeUndefined()
    bulk.close()
  })

  it('bulk-loads pre-packed entries, copying them before it returns', async () => {
    session.createTable('packed')
    const data = Buffer.from('k1v1k22v22')
    const sizes = new Uint32Array([2, 2, 3, 3])
    const written = session.putPacked('packed', data, sizes)
    // The caller may reuse its buffer at once: what was passed is what gets written.
    data.fill(0x78)
    await written
    const packed = session.openCursor('packed')
    expect(packed.get(b('k1'))).toEqual(b('v1'))
    expect(packed.get(b('k22'))).toEqual(b('v22'))
    packed.close()
    await expect(
      session.putPacked('packed', Buffer.from('k3v3'), new Uint32Array([2, 3]))
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await expect(
      session.putPacked('packed', Buffer.from('k3v3'), [2, 2] as unknown as Uint32Array)
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
  })

  it('checkpoints and reports statistics', async () => {
    await conn.checkpoint()
    const stats = await conn.stats()
    expect(stats['cache: bytes currently in the cache']).toBeGreaterThan(0)
    expect(stats['transaction: transaction checkpoints']).toBeGreaterThan(0)
    const table = await conn.stats('statistics:table:t')
    expect(Object.keys(table).length).toBeGreaterThan(10)
  })

  it('creates tables idempotently and drops them once their cursors are closed', () => {
    session.createTable('gone')
    session.createTable('gone')
    const c = session.openCursor('gone')
    expect(() => session.dropTable('gone')).toThrow(expect.objectContaining({ code: 'WT_BUSY' }))
    c.close()
    session.dropTable('gone')
    expect(() => session.openCursor('gone')).toThrow(expect.objectContaining({ code: 'ENOENT' }))
    session.dropTable('gone', { force: true })
  })

  it('rejects bad arguments with INVALID_ARGUMENT', () => {
    expect(() => cursor.get('text' as unknown as Buffer)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' })
    )
    expect(() => session.createTable('../escape')).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' })
    )
    expect(() => session.createTable('x', { compressor: 'brotli' as 'zstd' })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' })
    )
    expect(() => cursor.scanSync({ gt: key(1), gte: key(2) })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' })
    )
  })
})
