/**
 * Differential test: random documents × random filters, memgoose against mingo. Every disagreement
 * must be explained, condition by condition, by a documented difference between mingo and MongoDB
 * (fuzz/mingo-differences.ts; memgoose's behaviour on each is pinned in mingo-differences.test.ts).
 */
import { Query } from 'mingo'
import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../src/query/index.js'
import { filterOf, knownDifference, leavesOf } from './fuzz/mingo-differences.js'
import { randomDocument, randomFilter, seeded } from './fuzz/random.js'

const DOCUMENTS = 1_000
const FILTERS = 150

function oracle(filter: Record<string, unknown>): (doc: unknown) => boolean {
  const query = new Query(filter, {})
  return (doc) => query.test(doc as Record<string, unknown>)
}

describe.each([1, 2])('differential against mingo (seed %i)', (seed) => {
  it('agrees on every filter except documented MongoDB/mingo differences', () => {
    const random = seeded(seed)
    const docs = Array.from({ length: DOCUMENTS }, () => randomDocument(random))
    const unexplained: string[] = []
    const explained = new Map<string, number>()
    let matched = 0
    let evaluated = 0
    for (let f = 0; f < FILTERS; f++) {
      const filter = randomFilter(random)
      const ours = compileFilter(filter)
      const theirs = oracle(filter)
      for (const doc of docs) {
        const result = ours(doc)
        evaluated++
        if (result) matched++
        if (result === theirs(doc)) continue
        let culprits = 0
        for (const leaf of leavesOf(filter)) {
          const single = filterOf(leaf)
          if (compileFilter(single)(doc) === oracle(single)(doc)) continue
          culprits++
          const reason = knownDifference(leaf, doc)
          if (reason) explained.set(reason, (explained.get(reason) ?? 0) + 1)
          else unexplained.push(`${JSON.stringify(single)} on ${JSON.stringify(doc)}`)
        }
        if (culprits === 0) unexplained.push(`${JSON.stringify(filter)} on ${JSON.stringify(doc)}`)
      }
    }
    expect(unexplained.slice(0, 10)).toEqual([])
    // The corpus must exercise both outcomes, or agreement would prove nothing.
    expect(matched).toBeGreaterThan(evaluated * 0.05)
    expect(evaluated - matched).toBeGreaterThan(evaluated * 0.05)
  })
})
