import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openConnection, type Connection, type Session } from '../src/index.js'
import { b, tempDir } from './helpers.js'

describe('transactions', () => {
  let conn: Connection
  let session: Session

  beforeAll(async () => {
    conn = await openConnection(tempDir())
    session = conn.openSession()
    session.createTable('t')
  })
  afterAll(() => conn.close())

  it('commits atomically and hides uncommitted writes from other sessions', () => {
    const other = conn.openSession()
    const mine = session.openCursor('t')
    const theirs = other.openCursor('t')
    session.begin()
    expect(session.inTransaction).toBe(true)
    mine.put(b('a'), b('1'))
    mine.put(b('b'), b('2'))
    expect(mine.get(b('a'))).toEqual(b('1'))
    expect(theirs.get(b('a'))).toBeUndefined()
    session.commit()
    expect(session.inTransaction).toBe(false)
    expect(theirs.get(b('a'))).toEqual(b('1'))
    expect(theirs.get(b('b'))).toEqual(b('2'))
    other.close()
  })

  it('rolls back', () => {
    const cursor = session.openCursor('t')
    session.begin()
    cursor.put(b('c'), b('3'))
    cursor.remove(b('a'))
    session.rollback()
    expect(cursor.get(b('c'))).toBeUndefined()
    expect(cursor.get(b('a'))).toEqual(b('1'))
  })

  it('gives WT_ROLLBACK to the second writer of a key under snapshot isolation', () => {
    const first = conn.openSession()
    const second = conn.openSession()
    const c1 = first.openCursor('t')
    const c2 = second.openCursor('t')
    first.begin()
    second.begin()
    c1.put(b('conflict'), b('first'))
    expect(() => c2.put(b('conflict'), b('second'))).toThrow(
      expect.objectContaining({ code: 'WT_ROLLBACK' })
    )
    second.rollback()
    first.commit()
    // The retry, in a fresh transaction, sees the committed value and succeeds.
    second.begin()
    expect(c2.get(b('conflict'))).toEqual(b('first'))
    c2.put(b('conflict'), b('second'))
    second.commit()
    expect(c1.get(b('conflict'))).toEqual(b('second'))
    first.close()
    second.close()
  })

  it('keeps a snapshot for the whole transaction', () => {
    const reader = conn.openSession()
    const r = reader.openCursor('t')
    const w = session.openCursor('t')
    reader.begin()
    expect(r.get(b('snap'))).toBeUndefined()
    w.put(b('snap'), b('later'))
    expect(r.get(b('snap'))).toBeUndefined()
    reader.commit()
    expect(r.get(b('snap'))).toEqual(b('later'))
    reader.close()
  })

  it('commits on a worker thread with a forced log sync', async () => {
    const cursor = session.openCursor('t')
    session.begin()
    cursor.put(b('durable'), b('yes'))
    const commit = session.commitAsync({ sync: true })
    // The session is lent to the worker until the commit settles.
    expect(() => cursor.get(b('durable'))).toThrow(
      expect.objectContaining({ code: 'SESSION_BUSY' })
    )
    await commit
    expect(session.inTransaction).toBe(false)
    expect(cursor.get(b('durable'))).toEqual(b('yes'))
  })

  it('bulk-loads inside an open transaction and rolls back with it', async () => {
    session.begin()
    await session.putMany('t', [
      [b('bulk-1'), b('1')],
      [b('bulk-2'), b('2')],
    ])
    expect(session.inTransaction).toBe(true)
    session.rollback()
    expect(session.openCursor('t').get(b('bulk-1'))).toBeUndefined()
  })
})
