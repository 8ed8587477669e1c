/**
 * Two processes on one database file: a child writes in transactions while this process reads.
 * Readers never see half a transaction and end up seeing every write; SQLite's locking (WAL plus
 * busy_timeout) keeps both sides running.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteEngine } from '../../src/index.js'
import { collect, tempDir } from '../helpers.js'
import { cleanFixtures, finished, run } from './bundle.js'

afterAll(cleanFixtures)

describe('two processes', () => {
  it('reads consistently while another process writes, and writes alongside it', async () => {
    const dataPath = tempDir()
    const engine = createSqliteEngine({ dataPath })
    await engine.open()
    const coll = engine.collection('shared', { indexes: [{ name: 'k_1', key: [['k', 1]] }] })
    const child = await run('concurrent-writer', { dataPath, count: 2000 })
    const done = finished(child)
    let exited = false
    void done.then(() => (exited = true))
    const seen: number[] = []
    let ownId = -1
    while (!exited) {
      const n = coll.count({})
      // Whole transactions of 10 documents only; our own writes are the negative ids.
      expect((n + ownId + 1) % 10).toBe(0)
      seen.push(n)
      const indexed = await collect(
        coll.scan({
          index: 'k_1',
          ranges: [{ lower: [3], upper: [3], lowerInclusive: true, upperInclusive: true }],
        })
      )
      expect(indexed.every((d) => (d as { k: number }).k === 3)).toBe(true)
      coll.insert([{ _id: ownId, k: 99, writer: 'parent' }])
      ownId--
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    const result = await done
    expect(result.stdout).toBe('done\n')
    expect(result.code).toBe(0)
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1])
    // The reads really overlapped the writer: some saw part of its documents.
    const childDocs = seen.map((n, i) => n - i)
    expect(childDocs.some((n) => n > 0 && n < 2000)).toBe(true)
    expect(coll.count({ filter: { writer: 'child' } })).toBe(2000)
    expect(coll.count({ filter: { writer: 'parent' } })).toBe(-ownId - 1)
    await engine.close()
  })
})
