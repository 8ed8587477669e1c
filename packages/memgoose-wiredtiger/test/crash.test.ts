import { describe, expect, it } from 'vitest'
import { openConnection, type Compressor } from '../src/index.js'
import { key, spawnFixture, tempDir, value } from './helpers.js'

const compressors: Compressor[] = ['none', 'snappy', 'zlib', 'zstd', 'lz4']

/** Runs the writer until it has acknowledged `after` puts past its checkpoint, then SIGKILLs it. */
async function writeAndKill(home: string, compressor: Compressor, after: number): Promise<number> {
  const child = spawnFixture('crash-writer', [home, compressor])
  let acknowledged = -1
  let buffered = ''
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('close', (_code, signal) => resolve(signal))
  )
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString()
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) acknowledged = Math.max(acknowledged, Number(line))
    if (acknowledged >= 2000 + after) child.kill('SIGKILL')
  })
  const signal = await exited
  expect(signal, stderr).toBe('SIGKILL')
  return acknowledged
}

describe('crash recovery', () => {
  it.each(compressors)(
    'keeps every acknowledged write after kill -9 with %s compression',
    async (compressor) => {
      const home = tempDir()
      const acknowledged = await writeAndKill(home, compressor, 1500)
      expect(acknowledged).toBeGreaterThanOrEqual(3500)
      const conn = await openConnection(home)
      try {
        const cursor = conn.openSession().openCursor('t')
        for (let i = 0; i <= acknowledged; i++) {
          const stored = cursor.get(key(i))
          if (!stored?.equals(value(i))) expect.fail(`key ${i} of ${acknowledged} lost`)
        }
      } finally {
        await conn.close()
      }
    }
  )
})
