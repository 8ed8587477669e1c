import { describe, expect, it } from 'vitest'
import { Decimal128, Long, ObjectId } from '../../../src/values/bson.js'
import { valuesEqual } from '../../../src/values/compare.js'
import { aggregateToArray, type Doc } from '../../../src/aggregate/index.js'
import { arrayContext } from '../context.js'

/** Runs `pipeline` over `docs` as they are (the array context's copies would strip bson types). */
function run(docs: Doc[], pipeline: unknown[]): Promise<Doc[]> {
  const ctx = arrayContext(docs)
  ctx.source = () => docs
  return aggregateToArray(pipeline, ctx)
}

/** Values of every kind `$sum`/`$avg` meet: numbers of each type, and values they must ignore. */
const values: unknown[] = [
  1,
  2.5,
  -0,
  0.1,
  0.2,
  Long.fromNumber(7),
  Long.fromString('9007199254740993'),
  Decimal128.fromString('1.25'),
  'a string',
  '3',
  null,
  undefined,
  true,
  false,
  [1, 2],
  { n: 1 },
  new Date(5),
  new ObjectId('64b64b64b64b64b64b64b64b'),
  Number.POSITIVE_INFINITY,
  Number.NaN,
  -3,
  1e300,
]

/** 3,000 documents (several batches) over four partitions, cycling through `values`. */
function mixedDocs(): Doc[] {
  return Array.from({ length: 3000 }, (_, i) => {
    const doc: Doc = { _id: i, k: `p${i % 4}` }
    const v = values[(i * 7) % values.length]
    if (v !== undefined) doc.v = v
    doc.f = i % 5 === 0 ? undefined : (i % 11) / 4
    return doc
  })
}

/** The accumulators under test, as `$group` fields (also run as unbounded window outputs). */
const accumulators: Record<string, Record<string, unknown>> = {
  sumV: { $sum: '$v' },
  avgV: { $avg: '$v' },
  sumF: { $sum: '$f' },
  avgF: { $avg: '$f' },
  sumExpr: { $sum: { $multiply: ['$f', 2] } },
  count: { $sum: 1 },
  sumFraction: { $sum: 0.1 },
  avgConst: { $avg: 3 },
  sumString: { $sum: 'x' },
  sumLong: { $sum: Long.fromNumber(2) },
  avgNull: { $avg: null },
}

describe('$group accumulators', () => {
  it('gives what the general accumulator path gives, on every kind of value', async () => {
    // $setWindowFields feeds the same accumulators one document at a time through their generic
    // state, not through the grouping loop's unary inputs: two paths that must agree.
    const docs = mixedDocs()
    const grouped = await run(docs, [{ $group: { _id: '$k', ...accumulators } }])
    const windowed = await run(docs, [
      { $setWindowFields: { partitionBy: '$k', output: accumulators } },
    ])
    expect(grouped).toHaveLength(4)
    for (const group of grouped) {
      const reference = windowed.find((d) => d.k === group._id) as Doc
      for (const field of Object.keys(accumulators)) {
        expect(group[field], `${String(group._id)}.${field}`).toEqual(reference[field])
      }
    }
  })

  it('counts with a constant exactly as it sums the constant per document', async () => {
    const docs = mixedDocs()
    const [constant] = await run(docs, [
      { $group: { _id: null, n: { $sum: 1 }, tenth: { $sum: 0.1 }, avg: { $avg: 0.1 } } },
    ])
    const [evaluated] = await run(docs, [
      {
        $group: {
          _id: null,
          n: { $sum: { $add: [1, 0] } },
          tenth: { $sum: { $add: [0.1, 0] } },
          avg: { $avg: { $add: [0.1, 0] } },
        },
      },
    ])
    expect(constant).toEqual(evaluated)
  })
})

/** Group keys by MongoDB equality, the slow way: each key compared with every group so far. */
function naiveGroups(keys: unknown[]): { id: unknown; n: number }[] {
  const groups: { id: unknown; n: number }[] = []
  for (const key of keys) {
    const k = key === undefined ? null : key
    const group = groups.find((g) => valuesEqual(g.id, k))
    if (group) group.n++
    else groups.push({ id: k, n: 1 })
  }
  return groups
}

describe('$group keys', () => {
  it('groups keys of every kind as MongoDB equality does, in first-seen order', async () => {
    const keys: unknown[] = [
      'a',
      1,
      1.0,
      Long.fromNumber(1),
      Decimal128.fromString('1'),
      '1',
      null,
      undefined,
      -0,
      0,
      // (Not Long(2^53 + 1): valuesEqual compares it with 2^53 through a double, grouping exactly.)
      Long.fromString('9007199254740992'),
      2 ** 53,
      true,
      'a',
      { a: 1 },
      { a: Long.fromNumber(1) },
      { a: 1, b: 2 },
      { b: 2, a: 1 },
      [1, 'x'],
      [1.0, 'x'],
      ['x', 1],
      new Date(0),
      new Date(0),
      0,
      new ObjectId('64b64b64b64b64b64b64b64b'),
      new ObjectId('64b64b64b64b64b64b64b64b'),
      '64b64b64b64b64b64b64b64b',
      undefined,
      [null],
      [],
      {},
    ]
    const docs = keys.map((k, i) => (k === undefined ? { _id: i } : { _id: i, k }))
    const out = await run(docs, [{ $group: { _id: '$k', n: { $sum: 1 } } }])
    const expected = naiveGroups(keys)
    expect(out.map((g) => g.n)).toEqual(expected.map((g) => g.n))
    out.forEach((g, i) => expect(valuesEqual(g._id, expected[i].id)).toBe(true))
  })
})
