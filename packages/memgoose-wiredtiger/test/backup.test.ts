import { describe, expect, it } from 'vitest'
import { openConnection } from '../src/index.js'
import { key, tempDir, value } from './helpers.js'
import { join } from 'node:path'

describe('hot backup', () => {
  it('copies a database that opens with the data while a writer keeps writing', async () => {
    const home = tempDir()
    const target = join(tempDir(), 'copy')
    const conn = await openConnection(home)
    const setup = conn.openSession()
    setup.createTable('t', { compressor: 'snappy' })
    await setup.putMany(
      't',
      Array.from({ length: 10_000 }, (_, i) => [key(i), value(i)] as const)
    )

    // The writer commits batches on its own session until the backup is done.
    const writer = conn.openSession()
    let written = 10_000
    let stop = false
    const writing = (async () => {
      while (!stop) {
        const batch = Array.from(
          { length: 500 },
          (_, i) => [key(written + i), value(written + i)] as const
        )
        await writer.putMany('t', batch)
        written += batch.length
      }
    })()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const committedBefore = written
    const files = await conn.backup(target)
    stop = true
    await writing
    expect(files).toContain('t.wt')
    expect(written).toBeGreaterThan(committedBefore)
    await expect(conn.backup(target)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    await conn.close()

    const copy = await openConnection(target)
    const cursor = copy.openSession().openCursor('t')
    for (let i = 0; i < committedBefore; i++)
      if (!cursor.get(key(i))?.equals(value(i))) expect.fail(`key ${i} missing from the backup`)
    await copy.close()
  })
})
