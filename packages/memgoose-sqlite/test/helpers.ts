/**
 * Test helpers: a fresh temporary data directory per engine, removed after the test file.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'
import { createSqliteEngine } from '../src/index.js'
import type { SqliteEngine, SqliteOptions } from '../src/index.js'

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

/** A new empty directory under the OS temp dir, deleted when the test file ends. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'memgoose-sqlite-'))
  dirs.push(dir)
  return dir
}

/** An opened engine on a fresh directory. */
export async function openEngine(options: Partial<SqliteOptions> = {}): Promise<SqliteEngine> {
  const engine = createSqliteEngine({ dataPath: tempDir(), ...options })
  await engine.open()
  return engine
}

/** All documents of a scan, flattened. */
export async function collect(
  batches: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>
) {
  const out: unknown[] = []
  for await (const batch of batches) out.push(...batch)
  return out
}
