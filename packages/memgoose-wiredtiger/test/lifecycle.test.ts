import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection, WiredTigerError } from '../src/index.js'
import { b, finished, key, spawnFixture, tempDir, value } from './helpers.js'

const code = (c: string) => expect.objectContaining({ code: c })

describe('lifecycle and failures', () => {
  it('raises CLOSED on use after close and on double close, for every object', async () => {
    const conn = await openConnection(tempDir())
    const session = conn.openSession()
    session.createTable('t')
    const cursor = session.openCursor('t')
    const spare = session.openCursor('t')
    cursor.put(b('k'), b('v'))

    spare.close()
    expect(spare.closed).toBe(true)
    expect(() => spare.get(b('k'))).toThrow(code('CLOSED'))
    expect(() => spare.close()).toThrow(code('CLOSED'))

    const other = conn.openSession()
    const orphan = other.openCursor('t')
    other.close()
    expect(orphan.closed).toBe(true)
    expect(() => orphan.get(b('k'))).toThrow(code('CLOSED'))
    expect(() => other.close()).toThrow(code('CLOSED'))

    await conn.close()
    expect(conn.closed).toBe(true)
    expect(session.closed).toBe(true)
    expect(cursor.closed).toBe(true)
    expect(() => cursor.get(b('k'))).toThrow(code('CLOSED'))
    expect(() => cursor.put(b('k'), b('v'))).toThrow(code('CLOSED'))
    expect(() => session.begin()).toThrow(code('CLOSED'))
    expect(() => session.close()).toThrow(code('CLOSED'))
    expect(() => conn.openSession()).toThrow(code('CLOSED'))
    await expect(conn.checkpoint()).rejects.toThrow(WiredTigerError)
    await expect(conn.close()).rejects.toMatchObject({ code: 'CLOSED' })
  })

  it('lets a scan batch in flight finish, then fails the next one with CLOSED', async () => {
    const conn = await openConnection(tempDir())
    const session = conn.openSession()
    session.createTable('t')
    await session.putMany(
      't',
      Array.from({ length: 20_000 }, (_, i) => [key(i), value(i)] as const)
    )
    const cursor = session.openCursor('t')
    const scan = cursor.scan({ batchSize: 500 })
    const first = await scan.next()
    expect(first.value).toHaveLength(500)
    const pending = scan.next()
    const closing = conn.close()
    // New work is refused at once, work already queued completes before the handle goes away.
    expect(() => cursor.get(key(1))).toThrow(code('CLOSED'))
    expect((await pending).value).toHaveLength(500)
    await expect(scan.next()).rejects.toMatchObject({ code: 'CLOSED' })
    await closing
    await expect(conn.close()).rejects.toMatchObject({ code: 'CLOSED' })
  })

  it('refuses to close or use a session lent to async work (SESSION_BUSY)', async () => {
    const conn = await openConnection(tempDir())
    const session = conn.openSession()
    session.createTable('t')
    const cursor = session.openCursor('t')
    const loading = session.putMany(
      't',
      Array.from({ length: 5000 }, (_, i) => [key(i), value(i)] as const)
    )
    expect(() => session.close()).toThrow(code('SESSION_BUSY'))
    expect(() => cursor.close()).toThrow(code('SESSION_BUSY'))
    expect(() => session.begin()).toThrow(code('SESSION_BUSY'))
    await expect(session.checkpoint()).rejects.toMatchObject({ code: 'SESSION_BUSY' })
    await loading
    expect(cursor.get(key(4999))).toEqual(value(4999))
    await conn.close()
  })

  it('survives garbage collection of unreferenced wrappers and exit with work in flight', async () => {
    const result = await finished(spawnFixture('gc-and-exit', [tempDir()], ['--expose-gc']))
    expect(result.stderr).toBe('')
    expect(result.stdout.trim()).toBe('ok')
    expect(result.code).toBe(0)
  })

  it('gives LOCKED to a second connection to the same home, in this process and another', async () => {
    const home = tempDir()
    const conn = await openConnection(home)
    await expect(openConnection(home)).rejects.toMatchObject({ code: 'LOCKED' })
    const result = await finished(spawnFixture('open-home', [home]))
    expect(JSON.parse(result.stdout)).toEqual({ code: 'LOCKED' })
    await conn.close()
    // Released on close: the other process gets in now.
    const again = await finished(spawnFixture('open-home', [home]))
    expect(JSON.parse(again.stdout)).toEqual({ code: 'OPENED' })
  })

  it('reports a garbage table file as CORRUPTION, not a crash', async () => {
    const home = tempDir()
    const conn = await openConnection(home)
    const session = conn.openSession()
    session.createTable('t')
    await session.putMany('t', [[b('k'), b('v')]])
    await conn.close()
    writeFileSync(join(home, 't.wt'), Buffer.alloc(64 * 1024, 'garbage!'))
    const reopened = await openConnection(home)
    const error = await (async () => reopened.openSession().openCursor('t').get(b('k')))().catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(WiredTigerError)
    expect(error).toMatchObject({ code: 'CORRUPTION', file: 't.wt' })
    await reopened.close().catch(() => undefined)
  })

  it('reports a garbage metadata file as CORRUPTION at open', async () => {
    const home = tempDir()
    await (await openConnection(home)).close()
    writeFileSync(join(home, 'WiredTiger.wt'), Buffer.alloc(64 * 1024, 'garbage!'))
    await expect(openConnection(home)).rejects.toMatchObject({
      code: 'CORRUPTION',
      file: 'WiredTiger.wt',
    })
  })

  it('refuses a missing home without create', async () => {
    await expect(
      openConnection(join(tempDir(), 'absent'), { create: false })
    ).rejects.toBeInstanceOf(WiredTigerError)
  })
})
