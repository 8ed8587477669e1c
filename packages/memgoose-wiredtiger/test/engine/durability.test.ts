/**
 * Durability and process-level behaviour of the WiredTiger engine, through the memgoose API in child
 * processes that use the built packages exactly as an application would.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { ObjectId } from 'memgoose'
import { createWiredTigerEngine } from '../../src/engine/index.js'

const run = promisify(execFile)
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))
const home = () => mkdtempSync(join(tmpdir(), 'memgoose-wt-durability-'))

/** Starts the writer, waits for `acks` acknowledged writes, kills it with SIGKILL; resolves to the acked ids. */
function writeThenKill(dataPath: string, durability: string, acks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [fixture('crash-writer.mjs'), dataPath, durability], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: string[] = []
    let buffered = ''
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.stdout.on('data', (chunk) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) if (/^[0-9a-f]{24}$/.test(line)) acked.push(line)
      if (acked.length >= acks && !child.killed) child.kill('SIGKILL')
    })
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked)
      else reject(new Error(`writer exited on its own (${stderr})`))
    })
  })
}

async function storedIds(dataPath: string): Promise<Set<string>> {
  const engine = createWiredTigerEngine({ dataPath, checkpointInterval: 0 })
  await engine.open()
  try {
    const events = await engine.collection('events', { indexes: [] })
    const ids = new Set<string>()
    for (const batch of events.scan({}) as Iterable<{ _id: unknown }[]>)
      for (const doc of batch) ids.add(String(doc._id))
    return ids
  } finally {
    await engine.close()
  }
}

describe.each(['os', 'full'])('SIGKILL during writes at durability %s', (durability) => {
  it('keeps every acknowledged write across 50 kills and recoveries', async () => {
    const dataPath = home()
    try {
      const all: string[] = []
      for (let round = 0; round < 50; round++) {
        const acked = await writeThenKill(dataPath, durability, 3 + Math.floor(Math.random() * 25))
        all.push(...acked)
        const stored = await storedIds(dataPath)
        const lost = all.filter((id) => !stored.has(id))
        expect(lost, `round ${round}: acknowledged writes missing after recovery`).toEqual([])
      }
      expect(all.length).toBeGreaterThan(50)
    } finally {
      rmSync(dataPath, { recursive: true, force: true })
    }
  }, 300_000)
})

describe('process-level behaviour', () => {
  it('gives a second process a LockedError while the database is open', async () => {
    const dataPath = home()
    const engine = createWiredTigerEngine({ dataPath })
    await engine.open()
    try {
      const { stdout } = await run(process.execPath, [fixture('open-and-report.mjs'), dataPath])
      expect(JSON.parse(stdout)).toEqual({ opened: false, name: 'LockedError', code: 'LOCKED' })
    } finally {
      await engine.close()
      rmSync(dataPath, { recursive: true, force: true })
    }
    // Once closed, the same directory opens again.
  })

  it('queries a 1,000,000-document collection with a 96 MB heap: no JS copy of the data', async () => {
    const dataPath = home()
    try {
      const { stdout } = await run(
        process.execPath,
        ['--max-old-space-size=96', fixture('million.mjs'), dataPath, '1000000'],
        {
          maxBuffer: 1 << 20,
        }
      )
      const out = JSON.parse(stdout)
      expect(out.count).toBe(1_000_000)
      expect(out.byIndex).toEqual([
        500_000, 500_001, 500_002, 500_003, 500_004, 500_005, 500_006, 500_007, 500_008, 500_009,
      ])
      expect(out.one).toBe('item number 999999')
      expect(out.streamed).toBe(1_000_000)
      expect(out.sum).toBe((999_999 * 1_000_000) / 2)
    } finally {
      rmSync(dataPath, { recursive: true, force: true })
    }
  }, 600_000)

  it('takes a hot backup while a writer runs; the copy opens with the data', async () => {
    const dataPath = home()
    const target = join(home(), 'copy')
    const engine = createWiredTigerEngine({ dataPath, checkpointInterval: 0 })
    await engine.open()
    try {
      const events = await engine.collection('events', { indexes: [] })
      await events.insert(Array.from({ length: 500 }, (_, n) => ({ _id: new ObjectId(), n })))
      let writing = true
      const writer = (async () => {
        let n = 500
        while (writing) {
          await events.insert([{ _id: new ObjectId(), n: n++ }])
          await new Promise((r) => setImmediate(r))
        }
      })()
      await engine.backup(target)
      writing = false
      await writer
      const copy = createWiredTigerEngine({ dataPath: target, checkpointInterval: 0 })
      await copy.open()
      const copied = await copy.collection('events', { indexes: [] })
      expect(await copied.count({})).toBeGreaterThanOrEqual(500)
      await copy.close()
    } finally {
      await engine.close()
      rmSync(dataPath, { recursive: true, force: true })
      rmSync(target, { recursive: true, force: true })
    }
  })
})
