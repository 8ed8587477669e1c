import { describe, expect, it } from 'vitest'
import { compileFilter } from '../../src/query/index.js'
import { installExprEvaluator } from '../../src/aggregate/index.js'

describe('$expr in queries', () => {
  it('compiles find({ $expr }) with the aggregation expression engine', () => {
    installExprEvaluator()
    const predicate = compileFilter({ $expr: { $gt: [{ $add: ['$spent', 10] }, '$budget'] } })
    expect(predicate({ spent: 95, budget: 100 })).toBe(true)
    expect(predicate({ spent: 50, budget: 100 })).toBe(false)
    expect(predicate({ budget: 100 })).toBe(false)
  })

  it('mixes $expr with ordinary conditions', () => {
    const predicate = compileFilter({ kind: 'a', $expr: { $eq: [{ $size: '$tags' }, 2] } })
    expect(predicate({ kind: 'a', tags: [1, 2] })).toBe(true)
    expect(predicate({ kind: 'b', tags: [1, 2] })).toBe(false)
  })

  it('reports unknown operators inside $expr', () => {
    expect(() => compileFilter({ $expr: { $nope: 1 } })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_OPERATOR' })
    )
  })
})
