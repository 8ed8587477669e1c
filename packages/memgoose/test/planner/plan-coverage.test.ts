import { describe, expect, it } from 'vitest'
import type { StoredDoc } from '../../src/engine/contract.js'
import { createMemoryEngine } from '../../src/engine/memory/index.js'
import { planQuery } from '../../src/planner/index.js'
import { compileFilter, compileSort } from '../../src/query/index.js'

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 0x100000000
  }
}

const SCALARS: unknown[] = [
  0,
  1,
  2,
  5,
  7.5,
  -3,
  '1',
  '5',
  'a',
  'b',
  'zz',
  null,
  true,
  new Date(5),
  new Date(9),
]

function randomDocs(rand: () => number): StoredDoc[] {
  const pick = () => SCALARS[Math.floor(rand() * SCALARS.length)]
  return Array.from({ length: 150 }, (_, i) => {
    const doc: StoredDoc = { _id: i }
    if (rand() < 0.85) doc.a = rand() < 0.15 ? [pick(), pick()] : pick()
    if (rand() < 0.85) doc.b = pick()
    if (rand() < 0.7) doc.c = rand() < 0.3 ? [{ d: pick() }, { d: pick() }] : { d: pick() }
    if (rand() < 0.8) doc.tags = Array.from({ length: Math.floor(rand() * 3) }, pick)
    return doc
  })
}

function randomCondition(rand: () => number): unknown {
  const v = () => SCALARS[Math.floor(rand() * SCALARS.length)]
  switch (Math.floor(rand() * 9)) {
    case 0:
      return v()
    case 1:
      return { $eq: v() }
    case 2:
      return { $in: [v(), v(), v()] }
    case 3:
      return { $gt: v() }
    case 4:
      return { $gte: v(), $lt: v() }
    case 5:
      return { $lte: v() }
    case 6:
      return { $exists: rand() < 0.5 }
    case 7:
      return { $ne: v() }
    default:
      return { $gt: v(), $lte: v() }
  }
}

function randomFilter(rand: () => number): Record<string, unknown> {
  const filter: Record<string, unknown> = {}
  const fields = ['a', 'b', 'c.d', 'tags']
  for (const f of fields) if (rand() < 0.4) filter[f] = randomCondition(rand)
  if (rand() < 0.2) filter.$and = [{ a: randomCondition(rand) }]
  return filter
}

describe('planned scans', () => {
  it.each([1, 2024, 77])(
    'never miss a matching document and keep covered sorts in order (seed %i)',
    async (seed) => {
      const rand = rng(seed)
      const engine = createMemoryEngine()
      await engine.open()
      const coll = engine.collection('t', {
        indexes: [
          { name: 'a_1', key: [['a', 1]] },
          { name: 'b_-1', key: [['b', -1]] },
          {
            name: 'a_1_b_-1',
            key: [
              ['a', 1],
              ['b', -1],
            ],
          },
          {
            name: 'b_1_a_1',
            key: [
              ['b', 1],
              ['a', 1],
            ],
          },
          { name: 'tags_1', key: [['tags', 1]] },
          { name: 'c.d_1', key: [['c.d', 1]] },
          { name: 'b_sparse', key: [['b', 1]], sparse: true },
          { name: 'a_partial', key: [['a', 1]], partialFilterExpression: { b: 5 } },
        ],
      })
      const docs = randomDocs(rand)
      coll.insert(docs)
      const indexes = coll.listIndexes()
      let indexed = 0
      for (let n = 0; n < 400; n++) {
        const filter = randomFilter(rand)
        const sort =
          rand() < 0.5 ? { [['a', 'b'][Math.floor(rand() * 2)]]: rand() < 0.5 ? 1 : -1 } : undefined
        const { plan, sortCovered } = planQuery({
          filter,
          sort,
          indexes,
          capabilities: engine.capabilities,
        })
        if (plan.index !== undefined) indexed++
        const matches = compileFilter(filter)
        const expected = docs.filter((d) => matches(d)).map((d) => d._id)
        const scanned = [...coll.scan(plan)].flat()
        const found = scanned.filter((d) => matches(d))
        expect(new Set(scanned.map((d) => d._id)).size).toBe(scanned.length)
        expect(found.map((d) => d._id).sort((x, y) => Number(x) - Number(y))).toEqual(expected)
        if (sort !== undefined && sortCovered) {
          const cmp = compileSort(sort)
          for (let i = 1; i < found.length; i++)
            expect(cmp(found[i - 1], found[i])).toBeLessThanOrEqual(0)
        }
      }
      expect(indexed).toBeGreaterThan(100)
    }
  )
})
