import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  createDatabase,
  isMissingPackage,
  loadBackend,
  memoryBackend,
  Schema,
  StorageNotInstalledError,
} from 'memgoose'
import type { StorageBackend, StorageEngine } from 'memgoose'

const root = fileURLToPath(new URL('../../../..', import.meta.url))
const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url))

/** Runs a snippet under plain Node (real module resolution, not vitest's) against the core sources. */
function runNode(code: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: root,
    encoding: 'utf8',
  })
}

describe('backend discovery', () => {
  it('turns a missing backend package into StorageNotInstalledError with the npm command', () => {
    // memgoose-nosuchbackend is not installed anywhere: real Node resolution must fail for it.
    const out = runNode(`
      const { createDatabase } = await import(${JSON.stringify(entry)})
      try { await createDatabase({ storage: 'nosuchbackend' }); console.log('opened') }
      catch (e) { console.log(JSON.stringify({ name: e.name, code: e.code, message: e.message, cause: e.cause?.code })) }
    `)
    const result = JSON.parse(out.trim())
    expect(result).toEqual({
      name: 'StorageNotInstalledError',
      code: 'STORAGE_NOT_INSTALLED',
      message:
        "storage 'nosuchbackend' needs the package memgoose-nosuchbackend: npm install memgoose-nosuchbackend",
      cause: 'ERR_MODULE_NOT_FOUND',
    })
  })

  it('re-throws other load errors with their cause (a broken native binary)', async () => {
    const dlopen = Object.assign(new Error('memgoose-sqlite.node: invalid ELF header'), {
      code: 'ERR_DLOPEN_FAILED',
    })
    const err = await loadBackend('sqlite', async () => {
      throw dlopen
    }).catch((e: unknown) => e)
    expect(err).toBe(dlopen)
    expect(err).not.toBeInstanceOf(StorageNotInstalledError)
  })

  it('does not blame the backend when one of its own dependencies is missing', async () => {
    const missingDep = Object.assign(
      new Error(
        "Cannot find package 'better-sqlite3' imported from /app/node_modules/memgoose-sqlite/dist/index.js"
      ),
      { code: 'ERR_MODULE_NOT_FOUND' }
    )
    expect(isMissingPackage(missingDep, 'memgoose-sqlite')).toBe(false)
    const err = await loadBackend('sqlite', async () => {
      throw missingDep
    }).catch((e: unknown) => e)
    expect(err).toBe(missingDep)
  })

  it('loads an installed backend package through its `backend` export', async () => {
    let requested = ''
    const backend = await loadBackend('custom', async (specifier) => {
      requested = specifier
      return { backend: memoryBackend }
    })
    expect(requested).toBe('memgoose-custom')
    expect(backend).toBe(memoryBackend)
  })

  it('rejects a package that exports no backend', async () => {
    await expect(loadBackend('empty', async () => ({}))).rejects.toMatchObject({
      code: 'BAD_BACKEND',
    })
  })

  it('rejects storage names that are not package-name safe', async () => {
    await expect(loadBackend('../../etc', async () => ({}))).rejects.toMatchObject({
      code: 'INVALID_STORAGE',
    })
  })

  it('accepts a backend object directly (for bundlers)', async () => {
    const created: string[] = []
    const backend: StorageBackend = {
      name: 'counting',
      createEngine(options) {
        created.push(JSON.stringify(options))
        return memoryBackend.createEngine({}) as StorageEngine
      },
    }
    const db = await createDatabase({
      storage: backend,
      counting: { flag: 1 },
      durability: 'memory',
    })
    const Thing = db.model('Thing', new Schema({ n: Number }))
    await Thing.create({ n: 1 })
    expect(await Thing.countDocuments()).toBe(1)
    expect(created).toEqual([JSON.stringify({ durability: 'memory', flag: 1 })])
    await db.close()
  })

  it('accepts an engine instance directly', async () => {
    const engine = memoryBackend.createEngine({})
    const db = await createDatabase({ storage: engine })
    const Thing = db.model('Thing', new Schema({ n: Number }))
    await Thing.create({ n: 2 })
    expect(await engine.listCollections()).toEqual(['things'])
    await db.close()
  })
})
