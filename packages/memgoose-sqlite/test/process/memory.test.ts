/**
 * Memory does not grow with collection size: a child process limited to a 96 MB heap opens a
 * 1,000,000-document database and runs indexed lookups, an indexed count, a filtered count and a
 * streamed full scan. The database is built once (in one transaction, through the engine's bulk
 * insert) under the OS temp directory and reused by later runs.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanFixtures, finished, run } from './bundle.js'

afterAll(cleanFixtures)

const TOTAL = 1_000_000

/** A cache directory per version of the files that define the stored format. */
function cacheDir(): string {
  const hash = createHash('sha256')
  for (const file of ['src/schema.ts', 'src/codec.ts', '../memgoose/src/values/keystring.ts']) {
    hash.update(readFileSync(new URL(`../../${file}`, import.meta.url)))
  }
  const name = `memgoose-sqlite-1m-${hash.digest('hex').slice(0, 12)}`
  // Databases of earlier formats are 200 MB each: remove them.
  for (const old of readdirSync(tmpdir())) {
    if (old.startsWith('memgoose-sqlite-1m-') && old !== name) {
      rmSync(join(tmpdir(), old), { recursive: true, force: true })
    }
  }
  return join(tmpdir(), name)
}

describe('memory bound', () => {
  it('queries and streams a 1,000,000-document database within a 96 MB heap', async () => {
    const dataPath = cacheDir()
    mkdirSync(dataPath, { recursive: true })
    const child = await run('million', { dataPath, total: TOTAL }, ['--max-old-space-size=96'])
    const result = await finished(child)
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as Record<string, number | number[]>
    expect(report.lookups).toEqual([0, 123_456, TOTAL - 1])
    expect(report.cityCount).toBe(TOTAL / 50)
    expect(report.count).toBe(TOTAL)
    // score < 10 and city-03: n % 1000 < 10 and n % 50 === 3, i.e. n % 1000 === 3.
    expect(report.filtered).toBe(TOTAL / 1000)
    expect(report.scanned).toBe(TOTAL)
    expect(report.sumN).toBe((TOTAL * (TOTAL - 1)) / 2)
    expect(report.peakHeap).toBeLessThan(96 * 1024 * 1024)
  }, 600_000)
})
