import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { openTestDatabase } from '../helpers/test-database.js'

describe('TTL indexes', () => {
  it('sweeps documents whose date is older than expireAfterSeconds, and only those', async () => {
    const { db, cleanup } = await openTestDatabase()
    try {
      const schema = new Schema({ token: String, createdAt: { type: Date, expires: 60 } })
      const Session = db.model('Session', schema)
      const now = Date.now()
      await Session.create([
        { token: 'old', createdAt: new Date(now - 120_000) },
        { token: 'fresh', createdAt: new Date(now - 10_000) },
        { token: 'no-date' },
      ])
      const indexes = await Session.listIndexes()
      expect(indexes.find((i: Record<string, unknown>) => i.name === 'createdAt_1')).toMatchObject({
        expireAfterSeconds: 60,
      })
      expect(await db.sweepExpired()).toBe(1)
      const left = (await Session.find().lean()).map((s: { token: string }) => s.token).sort()
      expect(left).toEqual(['fresh', 'no-date'])
    } finally {
      await cleanup()
    }
  })

  it('runs the sweeper on its own at the configured interval', async () => {
    const { db, cleanup } = await openTestDatabase({ ttlInterval: 20 })
    try {
      const Session = db.model('Session', new Schema({ at: { type: Date, expires: '1s' } }))
      await Session.create({ at: new Date(Date.now() - 5_000) })
      const deadline = Date.now() + 5_000
      while ((await Session.countDocuments()) > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20))
      }
      expect(await Session.countDocuments()).toBe(0)
    } finally {
      await cleanup()
    }
  })
})
