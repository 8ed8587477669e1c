/**
 * `$in` lists as long as a `$lookup` batch (1,024 keys) or longer must work: SQLite refuses
 * expression trees deeper than 1000 and caps bound parameters.
 */
import { describe, expect, it } from 'vitest'
import { collect, openEngine } from './helpers.js'

describe('long $in lists', () => {
  it.each([1_024, 1_500, 5_000])('finds every member of a %i-value $in', async (size) => {
    const engine = await openEngine()
    try {
      const coll = await engine.collection('items', { indexes: [] })
      await coll.insert(Array.from({ length: 6_000 }, (_, n) => ({ _id: n, n, tag: `t${n}` })))
      const wanted = Array.from({ length: size }, (_, i) => `t${i * 2}`)
      const docs = await collect(coll.scan({ filter: { tag: { $in: wanted } } }))
      expect(docs.map((d) => (d as { n: number }).n).sort((a, b) => a - b)).toEqual(
        Array.from({ length: Math.min(size, 3_000) }, (_, i) => i * 2)
      )
    } finally {
      await engine.close()
    }
  })

  it('takes a 1,500-branch $or and a scan of 1,500 _id ranges', async () => {
    const engine = await openEngine()
    try {
      const coll = await engine.collection('items', { indexes: [] })
      await coll.insert(Array.from({ length: 4_000 }, (_, n) => ({ _id: n, n })))
      const or = Array.from({ length: 1_500 }, (_, i) => ({ n: i * 2 }))
      expect(await collect(coll.scan({ filter: { $or: or } }))).toHaveLength(1_500)
      const ranges = Array.from({ length: 1_500 }, (_, i) => ({
        lower: [i * 2],
        lowerInclusive: true,
        upper: [i * 2],
        upperInclusive: true,
      }))
      expect(await collect(coll.scan({ index: '_id_', ranges }))).toHaveLength(1_500)
    } finally {
      await engine.close()
    }
  })
})
