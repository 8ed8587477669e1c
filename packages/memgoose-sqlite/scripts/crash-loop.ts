/**
 * The long crash test: kills a writing child process with SIGKILL at random moments, many times,
 * checking after each reopen that every acknowledged write survived and `PRAGMA integrity_check`
 * is ok. Usage (from the repo root):
 *
 *   node --import tsx packages/memgoose-sqlite/scripts/crash-loop.ts [rounds=500] [os|full]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createSqliteEngine } from '../src/index.js'
import { cleanFixtures, finished, run } from '../test/process/bundle.js'

const rounds = Number(process.argv[2] ?? 500)
const durability = (process.argv[3] ?? 'full') as 'os' | 'full'
const dataPath = mkdtempSync(join(tmpdir(), 'memgoose-sqlite-crash-'))
const acked = new Set<number>()
const started = Date.now()

for (let round = 0; round < rounds; round++) {
  const child = await run('writer', { dataPath, durability, start: round * 1_000_000 })
  const done = finished(child)
  let buffer = ''
  await new Promise<void>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      for (const line of lines) {
        if (line === 'ready') setTimeout(resolve, Math.random() * 200)
        else acked.add(Number(line))
      }
    })
  })
  child.kill('SIGKILL')
  await done
  const engine = createSqliteEngine({ dataPath, durability })
  await engine.open()
  const integrity = engine.db.pragma('integrity_check', { simple: true })
  const coll = engine.collection('crash')
  const missing = [...acked].filter((id) => coll.get(id) === undefined)
  await engine.close()
  if (integrity !== 'ok' || missing.length > 0) {
    console.error(
      `round ${round}: integrity ${String(integrity)}, ${missing.length} acknowledged writes lost`
    )
    process.exitCode = 1
    break
  }
  if (round % 25 === 0)
    console.log(`round ${round}: ${acked.size} acknowledged writes, all present`)
}
await cleanFixtures()
rmSync(dataPath, { recursive: true, force: true })
console.log(`${rounds} rounds (${durability}) in ${((Date.now() - started) / 1000).toFixed(1)} s`)
