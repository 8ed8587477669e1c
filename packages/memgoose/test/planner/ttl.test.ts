import { describe, expect, it } from 'vitest'
import type { IndexSpec } from '../../src/engine/contract.js'
import { createMemoryEngine } from '../../src/engine/memory/index.js'
import { expiredRange } from '../../src/planner/index.js'

const NOW = new Date('2026-01-01T00:00:00Z')
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000)

describe('expiredRange', () => {
  it.each([1, -1] as const)(
    'selects dates older than expireAfterSeconds (direction %i)',
    async (dir) => {
      const engine = createMemoryEngine()
      await engine.open()
      const spec: IndexSpec = { name: 'at', key: [['at', dir]], expireAfterSeconds: 60 }
      const coll = engine.collection('s', { indexes: [spec] })
      coll.insert([
        { _id: 'old', at: ago(120) },
        { _id: 'edge', at: ago(60) },
        { _id: 'fresh', at: ago(10) },
        { _id: 'mixed', at: [ago(10), ago(600)] },
        { _id: 'number', at: 5 },
        { _id: 'missing' },
        { _id: 'invalid', at: new Date(Number.NaN) },
      ])
      const range = expiredRange(spec, NOW)
      expect(range).toBeDefined()
      const ids = [...coll.scan({ index: 'at', ranges: range ? [range] : [] })]
        .flat()
        .map((d) => d._id)
      expect(ids.sort()).toEqual(['mixed', 'old'])
    }
  )

  it('ignores indexes without a TTL', () => {
    expect(expiredRange({ name: 'a', key: [['a', 1]] }, NOW)).toBeUndefined()
  })
})
