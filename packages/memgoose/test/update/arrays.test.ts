import { describe, expect, it } from 'vitest'
import type { StoredDoc } from '../../src/engine/contract.js'
import { applyUpdate, compileUpdate } from '../../src/update/index.js'

function run(doc: Record<string, unknown>, update: unknown) {
  return applyUpdate(doc as StoredDoc, compileUpdate(update))
}

describe('$push', () => {
  it('appends one value (an array value stays one element) and creates missing arrays', () => {
    expect(run({ _id: 1, a: [1] }, { $push: { a: [2, 3] } }).doc.a).toEqual([1, [2, 3]])
    expect(run({ _id: 1 }, { $push: { 'o.a': 1 } }).doc).toEqual({ _id: 1, o: { a: [1] } })
  })

  it('appends each value of $each, at $position (negative counts from the end)', () => {
    expect(run({ _id: 1, a: [1, 2] }, { $push: { a: { $each: [3, 4] } } }).doc.a).toEqual([
      1, 2, 3, 4,
    ])
    expect(
      run({ _id: 1, a: [1, 2] }, { $push: { a: { $each: [9], $position: 0 } } }).doc.a
    ).toEqual([9, 1, 2])
    expect(
      run({ _id: 1, a: [1, 2, 3] }, { $push: { a: { $each: [9], $position: -1 } } }).doc.a
    ).toEqual([1, 2, 9, 3])
    expect(run({ _id: 1, a: [1] }, { $push: { a: { $each: [9], $position: 10 } } }).doc.a).toEqual([
      1, 9,
    ])
  })

  it('sorts whole elements in MongoDB type order, then slices', () => {
    const { doc } = run(
      { _id: 1, a: ['b', 3, null] },
      { $push: { a: { $each: [1, 'a'], $sort: 1 } } }
    )
    expect(doc.a).toEqual([null, 1, 3, 'a', 'b'])
    const desc = run({ _id: 1, a: [5, 1] }, { $push: { a: { $each: [3], $sort: -1, $slice: 2 } } })
    expect(desc.doc.a).toEqual([5, 3])
    const last = run({ _id: 1, a: [5, 1] }, { $push: { a: { $each: [3], $slice: -2 } } })
    expect(last.doc.a).toEqual([1, 3])
  })

  it('sorts documents by a field spec (dot paths, several keys)', () => {
    const a = [
      { s: { v: 2 }, n: 'b' },
      { s: { v: 1 }, n: 'z' },
    ]
    const { doc } = run(
      { _id: 1, a },
      {
        $push: { a: { $each: [{ s: { v: 2 }, n: 'a' }], $sort: { 's.v': -1, n: 1 } } },
      }
    )
    expect(doc.a).toEqual([
      { s: { v: 2 }, n: 'a' },
      { s: { v: 2 }, n: 'b' },
      { s: { v: 1 }, n: 'z' },
    ])
  })

  it('applies $sort and $slice to a field it creates', () => {
    const { doc } = run({ _id: 1 }, { $push: { a: { $each: [3, 1, 2], $sort: 1, $slice: 2 } } })
    expect(doc.a).toEqual([1, 2])
  })

  it('with an empty $each and $slice: 0 empties the array; with nothing to change is a no-op', () => {
    expect(run({ _id: 1, a: [1, 2] }, { $push: { a: { $each: [], $slice: 0 } } }).doc.a).toEqual([])
    expect(run({ _id: 1, a: [1, 2] }, { $push: { a: { $each: [] } } }).modified).toBe(false)
  })

  it('fails on a non-array field', () => {
    expect(() => run({ _id: 3, a: 1 }, { $push: { a: 2 } })).toThrow(
      "The field 'a' must be an array but is of type int in document {_id: 3}"
    )
  })

  it('validates its modifiers', () => {
    expect(() => compileUpdate({ $push: { a: { $each: 1 } } })).toThrow(
      /\$each in \$push must be an array/
    )
    expect(() => compileUpdate({ $push: { a: { $each: [], $slice: 1.5 } } })).toThrow(
      /\$slice must be an integer/
    )
    expect(() => compileUpdate({ $push: { a: { $each: [], $position: '1' } } })).toThrow(
      /\$position must be an integer/
    )
    expect(() => compileUpdate({ $push: { a: { $each: [], $sort: 2 } } })).toThrow(
      /The \$sort is invalid/
    )
    expect(() => compileUpdate({ $push: { a: { $each: [], $sort: {} } } })).toThrow(
      /The \$sort is invalid/
    )
    expect(() => compileUpdate({ $push: { a: { $each: [], $foo: 1 } } })).toThrow(
      'Unrecognized clause in $push: $foo'
    )
  })
})

describe('$addToSet', () => {
  it('adds values not already present (MongoDB equality: 1 equals 1.0, objects in field order)', () => {
    expect(run({ _id: 1, a: [1, 2] }, { $addToSet: { a: 3 } }).doc.a).toEqual([1, 2, 3])
    expect(run({ _id: 1, a: [1, 2] }, { $addToSet: { a: 1.0 } }).modified).toBe(false)
    expect(
      run({ _id: 1, a: [{ x: 1, y: 2 }] }, { $addToSet: { a: { y: 2, x: 1 } } }).doc.a
    ).toHaveLength(2)
    expect(run({ _id: 1, a: [{ x: 1 }] }, { $addToSet: { a: { x: 1 } } }).modified).toBe(false)
  })

  it('adds each value of $each once, leaving existing duplicates alone', () => {
    const { doc } = run({ _id: 1, a: [1, 1] }, { $addToSet: { a: { $each: [2, 2, 1, 3] } } })
    expect(doc.a).toEqual([1, 1, 2, 3])
    expect(run({ _id: 1 }, { $addToSet: { a: { $each: [4, 4] } } }).doc.a).toEqual([4])
  })

  it('fails on a non-array field and on bad $each', () => {
    expect(() => run({ _id: 1, a: 's' }, { $addToSet: { a: 1 } })).toThrow(
      "Cannot apply $addToSet to non-array field. Field named 'a' has non-array type string"
    )
    expect(() => compileUpdate({ $addToSet: { a: { $each: 1 } } })).toThrow(/must be an array/)
    expect(() => compileUpdate({ $addToSet: { a: { $each: [], $slice: 1 } } })).toThrow(
      /unexpected fields/
    )
  })
})

describe('$pop', () => {
  it('removes the last (1) or first (-1) element; no-op on empty or missing arrays', () => {
    expect(run({ _id: 1, a: [1, 2, 3] }, { $pop: { a: 1 } }).doc.a).toEqual([1, 2])
    expect(run({ _id: 1, a: [1, 2, 3] }, { $pop: { a: -1 } }).doc.a).toEqual([2, 3])
    expect(run({ _id: 1, a: [] }, { $pop: { a: 1 } }).modified).toBe(false)
    expect(run({ _id: 1 }, { $pop: { a: 1 } }).modified).toBe(false)
  })

  it('accepts only 1 or -1 and fails on non-arrays', () => {
    expect(() => compileUpdate({ $pop: { a: 2 } })).toThrow('$pop expects 1 or -1, found: 2')
    expect(() => run({ _id: 1, a: {} }, { $pop: { a: 1 } })).toThrow(
      "Path 'a' contains an element of non-array type 'object'"
    )
  })
})

describe('$pull and $pullAll', () => {
  it('removes elements equal to a value', () => {
    expect(run({ _id: 1, a: [1, 2, 1, 3] }, { $pull: { a: 1 } }).doc.a).toEqual([2, 3])
    expect(run({ _id: 1, a: [[1], 1] }, { $pull: { a: [1] } }).doc.a).toEqual([1])
  })

  it('removes elements matching an operator condition', () => {
    expect(run({ _id: 1, a: [1, 5, 6, 9] }, { $pull: { a: { $gte: 6 } } }).doc.a).toEqual([1, 5])
    expect(
      run({ _id: 1, a: ['x', 'y', 'z'] }, { $pull: { a: { $in: ['x', 'z'] } } }).doc.a
    ).toEqual(['y'])
  })

  it('removes sub-documents matching a query (other fields may differ)', () => {
    const a = [{ s: 'M', q: 1 }, { s: 'M', q: 9 }, { s: 'L', q: 9 }, 5]
    expect(run({ _id: 1, a }, { $pull: { a: { s: 'M', q: { $gt: 5 } } } }).doc.a).toEqual([
      { s: 'M', q: 1 },
      { s: 'L', q: 9 },
      5,
    ])
  })

  it('removes strings matching a regular expression', () => {
    expect(run({ _id: 1, a: ['apple', 'berry', 'avocado'] }, { $pull: { a: /^a/ } }).doc.a).toEqual(
      ['berry']
    )
  })

  it('is a no-op when nothing matches or the field is missing', () => {
    expect(run({ _id: 1, a: [1] }, { $pull: { a: 2 } }).modified).toBe(false)
    expect(run({ _id: 1 }, { $pull: { a: 2 } }).modified).toBe(false)
  })

  it('$pullAll removes every listed value', () => {
    expect(run({ _id: 1, a: [0, 5, 5, 1, 0] }, { $pullAll: { a: [0, 5] } }).doc.a).toEqual([1])
    expect(() => compileUpdate({ $pullAll: { a: 1 } })).toThrow(
      '$pullAll requires an array argument but was given a int'
    )
  })

  it('fails on non-arrays', () => {
    expect(() => run({ _id: 1, a: 1 }, { $pull: { a: 1 } })).toThrow(
      'Cannot apply $pull to a non-array value'
    )
  })
})
