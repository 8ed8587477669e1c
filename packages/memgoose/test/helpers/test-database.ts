/**
 * The model-level corpus runs on whichever backend MEMGOOSE_TEST_STORAGE names (memory by default),
 * so the same tests prove the same behaviour on every engine. Each test gets a fresh database in a
 * fresh temporary directory, closed and removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach } from 'vitest'
import { createDatabase, type Database, type DatabaseOptions } from 'memgoose'

/** The backend under test. */
export const TEST_STORAGE = process.env.MEMGOOSE_TEST_STORAGE ?? 'memory'

/** Database options for the backend under test, rooted in `dir`. */
export function storageOptions(dir: string): DatabaseOptions {
  if (TEST_STORAGE === 'memory') return { storage: 'memory' }
  return {
    storage: TEST_STORAGE,
    [TEST_STORAGE]: { dataPath: dir },
    durability: 'none',
    ttlInterval: 0,
  }
}

/** Opens a database on the backend under test; call the returned `cleanup` when done. */
export async function openTestDatabase(
  extra: DatabaseOptions = {}
): Promise<{ db: Database; dir: string; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'memgoose-test-'))
  const db = await createDatabase({ ttlInterval: 0, ...storageOptions(dir), ...extra })
  return {
    db,
    dir,
    async cleanup() {
      await db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * Registers beforeEach/afterEach hooks giving every test of the file a fresh database:
 * `const ctx = useTestDatabase(); it('...', async () => { const User = ctx.db.model(...) })`.
 */
export function useTestDatabase(extra: DatabaseOptions = {}): {
  readonly db: Database
  readonly dir: string
} {
  let current: Awaited<ReturnType<typeof openTestDatabase>> | undefined
  beforeEach(async () => {
    current = await openTestDatabase(extra)
  })
  afterEach(async () => {
    await current?.cleanup()
    current = undefined
  })
  return {
    get db() {
      if (!current) throw new Error('useTestDatabase: no database outside a test')
      return current.db
    },
    get dir() {
      if (!current) throw new Error('useTestDatabase: no directory outside a test')
      return current.dir
    },
  }
}
