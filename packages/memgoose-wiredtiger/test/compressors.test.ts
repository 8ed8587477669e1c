import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openConnection, type Compressor } from '../src/index.js'
import { key, tempDir, value } from './helpers.js'

const compressors: Compressor[] = ['none', 'snappy', 'zlib', 'zstd', 'lz4']
const count = 5000

describe('compressors', () => {
  it('round-trips every compressor through a checkpoint and a reopen', async () => {
    const home = tempDir()
    let conn = await openConnection(home)
    let session = conn.openSession()
    for (const compressor of compressors) {
      session.createTable(compressor, { compressor })
      await session.putMany(
        compressor,
        Array.from({ length: count }, (_, i) => [key(i), value(i)] as const)
      )
    }
    await conn.close()

    conn = await openConnection(home)
    session = conn.openSession()
    for (const compressor of compressors) {
      const cursor = session.openCursor(compressor)
      let seen = 0
      for await (const batch of cursor.scan({ batchSize: 1000 }))
        for (const [k, v] of batch) {
          if (!k.equals(key(seen)) || !v.equals(value(seen)))
            expect.fail(`${compressor}: entry ${seen}`)
          seen++
        }
      expect(seen, compressor).toBe(count)
    }
    await conn.close()

    // Compression really happened: every compressed file is smaller than the uncompressed one.
    const size = (name: string) => statSync(join(home, `${name}.wt`)).size
    for (const compressor of compressors.filter((c) => c !== 'none'))
      expect(size(compressor), compressor).toBeLessThan(size('none'))
    expect(readdirSync(home)).toContain('zstd.wt')
  })

  it('stores LSM tables too', async () => {
    const conn = await openConnection(tempDir())
    const session = conn.openSession()
    session.createTable('lsm', { type: 'lsm', compressor: 'zstd' })
    await session.putMany(
      'lsm',
      Array.from({ length: 2000 }, (_, i) => [key(i), value(i)] as const)
    )
    const cursor = session.openCursor('lsm')
    expect(cursor.get(key(1234))).toEqual(value(1234))
    expect(cursor.get(key(99999))).toBeUndefined()
    expect(cursor.scanSync({ gte: key(10), lt: key(20) })).toHaveLength(10)
    cursor.close()
    await conn.close()
  })
})
