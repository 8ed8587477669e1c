/**
 * A damaged data file seen through the memgoose API: the model call rejects with memgoose's coded
 * CorruptionError (never a segfault, never a silent empty result).
 */
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CorruptionError, createDatabase, Schema } from 'memgoose'
import { backend } from '../../src/index.js'
import { tempDir } from '../helpers.js'

const open = (dataPath: string) =>
  createDatabase({
    storage: backend,
    wiredtiger: { dataPath, checkpointInterval: 0 },
    ttlInterval: 0,
  })

const userSchema = () => new Schema({ name: String, email: { type: String, unique: true } })

// WiredTiger's own files (metadata, history store) and memgoose's catalog stay intact: only the
// tables holding the collection's documents and index entries are overwritten.
const isOwnFile = (name: string) => name.startsWith('WiredTiger') || name.includes('catalog')

describe('a damaged collection file', () => {
  it('rejects a query with CorruptionError (code CORRUPTION) naming the damaged file', async () => {
    const dataPath = tempDir()
    const db = await open(dataPath)
    const User = db.model('User', userSchema())
    await User.create([
      { name: 'Ada', email: 'ada@example.com' },
      { name: 'Alan', email: 'alan@example.com' },
    ])
    expect(await User.countDocuments()).toBe(2)
    await db.close()

    const tables = readdirSync(dataPath).filter((f) => f.endsWith('.wt') && !isOwnFile(f))
    expect(tables.length).toBeGreaterThan(0)
    for (const file of tables)
      writeFileSync(join(dataPath, file), Buffer.alloc(64 * 1024, 'garbage!'))

    const error = await (async () => {
      const reopened = await open(dataPath)
      try {
        const Again = reopened.model('User', userSchema())
        return await Again.find().lean()
      } finally {
        await reopened.close().catch(() => undefined)
      }
    })().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CorruptionError)
    expect(error).toMatchObject({ code: 'CORRUPTION' })
    expect(tables.map((f) => join(dataPath, f))).toContain((error as CorruptionError).file)
  })
})
