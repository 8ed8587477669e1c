import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openConnection, type Connection, type Cursor, type ScanOptions } from '../src/index.js'
import { tempDir } from './helpers.js'
import { createRandom } from 'memgoose/testing'

// Random keys of varied length (prefixes included) against a sorted-array model.
function randomKey(random: () => number): Buffer {
  const length = 1 + Math.floor(random() * 4)
  return Buffer.from(Array.from({ length }, () => Math.floor(random() * 6)))
}

const mulberry32 = createRandom

function model(keys: Buffer[], options: ScanOptions): string[] {
  const inRange = keys.filter(
    (k) =>
      (!options.gt || Buffer.compare(k, options.gt) > 0) &&
      (!options.gte || Buffer.compare(k, options.gte) >= 0) &&
      (!options.lt || Buffer.compare(k, options.lt) < 0) &&
      (!options.lte || Buffer.compare(k, options.lte) <= 0)
  )
  if (options.reverse) inRange.reverse()
  return inRange.slice(0, options.limit ?? Infinity).map((k) => k.toString('hex'))
}

describe('range scans against a model', () => {
  let conn: Connection
  let cursor: Cursor
  let keys: Buffer[]
  const random = mulberry32(42)

  beforeAll(async () => {
    conn = await openConnection(tempDir())
    const session = conn.openSession()
    session.createTable('t')
    cursor = session.openCursor('t')
    const unique = new Map<string, Buffer>()
    for (let i = 0; i < 400; i++) {
      const key = randomKey(random)
      unique.set(key.toString('hex'), key)
    }
    keys = [...unique.values()].sort(Buffer.compare)
    for (const key of keys) cursor.put(key, Buffer.from(key.toString('hex')))
  })
  afterAll(() => conn.close())

  it('matches the model for random bounds, directions, limits and batch sizes', async () => {
    for (let round = 0; round < 200; round++) {
      const options: ScanOptions = { reverse: random() < 0.5 }
      const lower = random() < 0.7 ? randomKey(random) : undefined
      const upper = random() < 0.7 ? randomKey(random) : undefined
      if (lower) options[random() < 0.5 ? 'gt' : 'gte'] = lower
      if (upper) options[random() < 0.5 ? 'lt' : 'lte'] = upper
      if (random() < 0.4) options.limit = Math.floor(random() * 20)
      options.batchSize = 1 + Math.floor(random() * 7)
      const expected = model(keys, options)
      const sync = cursor.scanSync(options).map(([k, v]) => {
        expect(v.toString()).toBe(k.toString('hex'))
        return k.toString('hex')
      })
      expect(sync, JSON.stringify(options)).toEqual(expected)
      const batched: string[] = []
      for await (const batch of cursor.scan(options))
        for (const [k] of batch) batched.push(k.toString('hex'))
      expect(batched, JSON.stringify(options)).toEqual(expected)
    }
  })
})
