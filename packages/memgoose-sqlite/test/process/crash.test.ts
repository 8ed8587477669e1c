/**
 * Crash safety: a child process writes with durability `full` and `os` and is killed with SIGKILL
 * at a random moment; after every kill the database reopens, every acknowledged write is there,
 * and SQLite's integrity check passes. (scripts/crash-loop.ts runs the same loop for longer.)
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createSqliteEngine } from '../../src/index.js'
import { tempDir } from '../helpers.js'
import { cleanFixtures, finished, run } from './bundle.js'

afterAll(cleanFixtures)

const ROUNDS = 50

async function crashOnce(
  dataPath: string,
  durability: 'os' | 'full',
  start: number
): Promise<number[]> {
  const child = await run('writer', { dataPath, durability, start })
  const done = finished(child)
  let acked: number[] = []
  await new Promise<void>((resolve, reject) => {
    let buffer = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        if (line === 'ready') setTimeout(() => resolve(), 5 + Math.random() * 60)
        else acked.push(Number(line))
      }
    })
    child.on('exit', () => reject(new Error('writer exited before it was killed')))
  })
  child.kill('SIGKILL')
  const result = await done
  expect(result.signal).toBe('SIGKILL')
  // Lines read after the kill were still acknowledged before it.
  acked = [...new Set(acked)]
  return acked
}

describe('crash safety', () => {
  for (const durability of ['full', 'os'] as const) {
    it(`keeps every acknowledged write across ${ROUNDS} SIGKILLs (durability ${durability})`, async () => {
      const dataPath = tempDir()
      const acked: number[] = []
      let next = 0
      for (let round = 0; round < ROUNDS; round++) {
        const ids = await crashOnce(dataPath, durability, next)
        acked.push(...ids)
        const engine = createSqliteEngine({ dataPath, durability })
        await engine.open()
        expect(engine.db.pragma('integrity_check', { simple: true })).toBe('ok')
        const coll = engine.collection('crash')
        for (const id of acked) expect(coll.get(id)?._id).toBe(id)
        const count = coll.count({})
        expect(count).toBeGreaterThanOrEqual(acked.length)
        next = 1_000_000 * (round + 1)
        await engine.close()
      }
      expect(acked.length).toBeGreaterThan(ROUNDS)
    }, 120_000)
  }
})
