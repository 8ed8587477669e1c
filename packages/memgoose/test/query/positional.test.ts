import { describe, expect, it } from 'vitest'
import { compileFilter, hasConditionOn, matchedArrayIndex } from '../../src/query/index.js'

describe('matchedArrayIndex', () => {
  const doc = {
    grades: [
      { grade: 80, mean: 75, std: 8 },
      { grade: 85, mean: 90, std: 5 },
      { grade: 90, mean: 85, std: 3 },
    ],
    scores: [3, 9, 12],
  }

  it('finds the element a dotted condition matched', () => {
    expect(matchedArrayIndex({ 'grades.grade': 85 }, doc, 'grades')).toBe(1)
    expect(matchedArrayIndex({ 'grades.grade': { $gte: 85 } }, doc, 'grades')).toBe(1)
  })

  it('finds the element a scalar array condition matched', () => {
    expect(matchedArrayIndex({ scores: { $gt: 5 } }, doc, 'scores')).toBe(1)
    expect(matchedArrayIndex({ scores: 12 }, doc, 'scores')).toBe(2)
  })

  it('finds the element $elemMatch matched', () => {
    const filter = { grades: { $elemMatch: { grade: { $lte: 90 }, mean: { $gt: 80 } } } }
    expect(matchedArrayIndex(filter, doc, 'grades')).toBe(1)
  })

  it('prefers an element satisfying every condition on the array', () => {
    expect(
      matchedArrayIndex({ 'grades.grade': { $gte: 80 }, 'grades.std': 3 }, doc, 'grades')
    ).toBe(2)
  })

  it('looks inside $and but not inside $or or negations', () => {
    expect(matchedArrayIndex({ $and: [{ 'grades.grade': 90 }] }, doc, 'grades')).toBe(2)
    expect(matchedArrayIndex({ $or: [{ 'grades.grade': 90 }] }, doc, 'grades')).toBeUndefined()
    expect(matchedArrayIndex({ 'grades.grade': { $ne: 80 } }, doc, 'grades')).toBeUndefined()
  })

  it('ignores conditions that judge the array as a whole', () => {
    expect(matchedArrayIndex({ scores: { $size: 3 }, $and: [{ scores: 9 }] }, doc, 'scores')).toBe(
      1
    )
    expect(matchedArrayIndex({ grades: { $size: 3 } }, doc, 'grades')).toBeUndefined()
    expect(hasConditionOn({ grades: { $exists: true } }, 'grades')).toBe(false)
  })

  it('is undefined when the filter has no condition on the array or nothing matches', () => {
    expect(matchedArrayIndex({ other: 1 }, doc, 'grades')).toBeUndefined()
    expect(matchedArrayIndex({ 'grades.grade': 1 }, doc, 'grades')).toBeUndefined()
    expect(matchedArrayIndex({ 'grades.grade': 85 }, { grades: 'x' }, 'grades')).toBeUndefined()
  })

  it('follows nested object paths to the array and accepts a compiled filter', () => {
    const nested = { a: { list: [{ v: 1 }, { v: 2 }] } }
    const compiled = compileFilter({ 'a.list.v': 2 })
    expect(matchedArrayIndex(compiled, nested, 'a.list')).toBe(1)
  })

  it('hasConditionOn tells whether a filter constrains an array', () => {
    expect(hasConditionOn({ 'grades.grade': 1 }, 'grades')).toBe(true)
    expect(hasConditionOn({ grades: { $elemMatch: { grade: 1 } } }, 'grades')).toBe(true)
    expect(hasConditionOn({ gradesX: 1 }, 'grades')).toBe(false)
  })
})
