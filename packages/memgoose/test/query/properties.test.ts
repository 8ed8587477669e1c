/**
 * Invariants checked on random documents: the sort comparator is a consistent total preorder, and
 * matchedArrayIndex always points at an element that satisfies the filter's condition on its own.
 */
import { describe, expect, it } from 'vitest'
import {
  compileFilter,
  compileSort,
  matchedArrayIndex,
  sortDocuments,
} from '../../src/query/index.js'
import { randomDocument, randomScalar, seeded } from './fuzz/random.js'

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0)
const opposite = (n: number): number => 0 - sign(n)

describe('compileSort on random documents', () => {
  const random = seeded(7)
  const docs = Array.from({ length: 120 }, () => randomDocument(random))
  const specs = [{ a: 1 }, { a: -1 }, { 'a.b': 1 }, { 'a.b': -1, c: 1 }, { 'b.0': 1, a: -1 }]

  for (const spec of specs) {
    it(`is antisymmetric and transitive for ${JSON.stringify(spec)}`, () => {
      const cmp = compileSort(spec)
      for (const x of docs) {
        expect(cmp(x, x)).toBe(0)
        for (const y of docs) expect(sign(cmp(x, y))).toBe(opposite(cmp(y, x)))
      }
      for (let i = 0; i < 3000; i++) {
        const x = docs[Math.floor(random() * docs.length)]
        const y = docs[Math.floor(random() * docs.length)]
        const z = docs[Math.floor(random() * docs.length)]
        if (cmp(x, y) <= 0 && cmp(y, z) <= 0) expect(cmp(x, z)).toBeLessThanOrEqual(0)
      }
    })

    it(`sortDocuments orders exactly like the comparator for ${JSON.stringify(spec)}`, () => {
      const byComparator = [...docs].sort(compileSort(spec))
      const byKeys = sortDocuments([...docs], spec)
      expect(byKeys.map((d) => docs.indexOf(d))).toEqual(byComparator.map((d) => docs.indexOf(d)))
    })

    it(`sorts into non-decreasing order for ${JSON.stringify(spec)}`, () => {
      const cmp = compileSort(spec)
      const sorted = [...docs].sort(cmp)
      for (let i = 1; i < sorted.length; i++) {
        expect(cmp(sorted[i - 1], sorted[i])).toBeLessThanOrEqual(0)
      }
    })
  }
})

describe('matchedArrayIndex on random documents', () => {
  it('points at an element satisfying the condition whenever the filter matches', () => {
    const random = seeded(11)
    const ops = ['$eq', '$gt', '$gte', '$lt', '$lte', '$in']
    let checked = 0
    for (let n = 0; n < 400; n++) {
      const list = Array.from({ length: 1 + Math.floor(random() * 4) }, () => ({
        b: randomScalar(random),
      }))
      const doc = { a: list }
      const op = ops[Math.floor(random() * ops.length)]
      const operand =
        op === '$in' ? [randomScalar(random), randomScalar(random)] : randomScalar(random)
      const filter = { 'a.b': { [op]: operand } }
      if (!compileFilter(filter)(doc)) continue
      const index = matchedArrayIndex(filter, doc, 'a')
      expect(index, JSON.stringify({ filter, doc })).toBeTypeOf('number')
      expect(compileFilter({ b: { [op]: operand } })(list[index as number])).toBe(true)
      checked++
    }
    expect(checked).toBeGreaterThan(50)
  })
})
