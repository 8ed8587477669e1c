/**
 * Differential test of inclusion and exclusion projections against mingo on random documents.
 * Compared modulo key order (mingo moves `_id` last; MongoDB keeps document order), and skipping
 * documents mingo cannot project (it throws on null array elements under a dotted path) or projects
 * differently from MongoDB (arrays nested in arrays, which MongoDB projects element-wise too; see
 * projection.test.ts). `$slice` is left out: mingo keeps pre-4.4 semantics for it.
 */
import { Query } from 'mingo'
import { describe, expect, it } from 'vitest'
import { compileProjection } from '../../src/query/index.js'
import { randomDocument, seeded } from './fuzz/random.js'

const PATHS = ['a', 'b', 'c', 'a.b', 'a.c', 'b.a', 'a.b.c']

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    const entries = Object.keys(value).sort()
    return Object.fromEntries(
      entries.map((k) => [k, canonical((value as Record<string, unknown>)[k])])
    )
  }
  return value
}

function mingoCannotProject(value: unknown): boolean {
  if (Array.isArray(value)) {
    return value.some((el) => Array.isArray(el) || el === null || mingoCannotProject(el))
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return Object.values(value).some(mingoCannotProject)
  }
  return false
}

describe('projection differential against mingo', () => {
  it('agrees on random inclusion and exclusion projections', () => {
    const random = seeded(5)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]
    let compared = 0
    for (let n = 0; n < 2000; n++) {
      const doc = { _id: n, ...randomDocument(random) }
      const projection: Record<string, unknown> = {}
      const mode = random() < 0.5 ? 1 : 0
      const count = 1 + Math.floor(random() * 2)
      for (let i = 0; i < count; i++) projection[pick(PATHS)] = mode
      if (mode === 1 && random() < 0.3) projection._id = 0
      let ours: unknown
      try {
        ours = compileProjection(projection)(doc)
      } catch (error) {
        // A path collision such as { a: 1, 'a.b': 1 }: mingo rejects these too.
        expect((error as { code?: string }).code).toBe('BAD_PROJECTION')
        expect(() => new Query({}, {}).find([doc], projection).all()).toThrow()
        continue
      }
      if (mingoCannotProject(doc)) continue
      const theirs = new Query({}, {}).find([doc], projection).all()[0]
      expect(canonical(ours), JSON.stringify({ projection, doc })).toEqual(canonical(theirs))
      compared++
    }
    expect(compared).toBeGreaterThan(1000)
  })
})
