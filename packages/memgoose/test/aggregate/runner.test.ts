import { describe, expect, it } from 'vitest'
import { QueryError } from '../../src/errors/index.js'
import {
  aggregateToArray,
  explainPipeline,
  runPipeline,
  runPipelineBatches,
} from '../../src/aggregate/index.js'
import { arrayContext, run } from './context.js'

const docs = [
  { _id: 1, n: 5, city: 'a' },
  { _id: 2, n: 3, city: 'b' },
  { _id: 3, n: 9, city: 'a' },
  { _id: 4, n: 1, city: 'c' },
]

describe('runPipeline', () => {
  it('hands the leading $match/$sort/$skip/$limit to the source', async () => {
    const ctx = arrayContext(docs)
    const out = await aggregateToArray(
      [
        { $match: { n: { $gt: 1 } } },
        { $match: { city: 'a' } },
        { $sort: { n: -1 } },
        { $skip: 1 },
        { $limit: 5 },
        { $project: { n: 1 } },
      ],
      ctx
    )
    expect(ctx.heads).toEqual([
      {
        filter: { $and: [{ n: { $gt: 1 } }, { city: 'a' }] },
        sort: [['n', -1]],
        skip: 1,
        limit: 5,
      },
    ])
    expect(out).toEqual([{ _id: 1, n: 5 }])
  })

  it('combines $limit before $skip into the equivalent head', async () => {
    const ctx = arrayContext(docs)
    const out = await aggregateToArray([{ $limit: 3 }, { $skip: 1 }], ctx)
    expect(ctx.heads[0]).toEqual({ skip: 1, limit: 2 })
    expect(out.map((d) => d._id)).toEqual([2, 3])
  })

  it('keeps a $match using variables out of the head', async () => {
    const ctx = arrayContext(docs)
    ctx.variables = { want: 'b' }
    const out = await aggregateToArray([{ $match: { $expr: { $eq: ['$city', '$$want'] } } }], ctx)
    expect(ctx.heads[0]).toEqual({})
    expect(out.map((d) => d._id)).toEqual([2])
  })

  it('explains which head goes to the planner and which stages run here', () => {
    const plan = explainPipeline([
      { $match: { a: 1 } },
      { $sort: { b: 1 } },
      { $group: { _id: '$c' } },
      { $sort: { _id: 1 } },
      { $limit: 3 },
    ])
    expect(plan.head).toEqual({ filter: { a: 1 }, sort: [['b', 1]] })
    expect(plan.headStages).toEqual(['$match', '$sort'])
    expect(plan.stages).toEqual(['$group', '$sort', '$limit'])
    expect(plan.topK).toBe(true)
  })

  it('streams results as an async iterable', async () => {
    const seen: unknown[] = []
    for await (const doc of runPipeline([{ $sort: { n: 1 } }], arrayContext(docs)))
      seen.push(doc._id)
    expect(seen).toEqual([4, 2, 1, 3])
  })

  it('streams batches of at most 1024 documents', async () => {
    const many = Array.from({ length: 2500 }, (_, i) => ({ _id: i }))
    const sizes: number[] = []
    for await (const batch of runPipelineBatches(
      [{ $match: { _id: { $gte: 100 } } }, { $set: { x: 1 } }],
      arrayContext(many)
    )) {
      sizes.push(batch.length)
    }
    expect(sizes).toEqual([1024, 1024, 352])
  })

  it('rejects unknown stages with UNKNOWN_STAGE naming the stage', () => {
    expect(() => runPipeline([{ $bogus: 1 }], arrayContext(docs))).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_STAGE', message: expect.stringContaining('$bogus') })
    )
  })

  it('rejects malformed stages with BAD_STAGE', () => {
    const bad = [
      [{ $match: 1 }],
      [{ $limit: -1 }],
      [{ $group: { total: { $sum: 1 } } }],
      [{ a: 1, b: 2 }],
      [{ $unwind: 'x' }],
    ]
    for (const pipeline of bad) {
      expect(() => runPipeline(pipeline, arrayContext(docs))).toThrow(QueryError)
      try {
        runPipeline(pipeline, arrayContext(docs))
      } catch (err) {
        expect((err as QueryError).code).toBe('BAD_STAGE')
      }
    }
  })

  it('rejects unknown operators with UNKNOWN_OPERATOR naming the operator and stage', () => {
    expect(() =>
      runPipeline([{ $project: { x: { $frobnicate: 1 } } }], arrayContext(docs))
    ).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_OPERATOR',
        message: expect.stringMatching(/\$project.*\$frobnicate/),
      })
    )
    expect(() =>
      runPipeline([{ $group: { _id: null, x: { $median: '$n' } } }], arrayContext(docs))
    ).toThrow(
      expect.objectContaining({
        code: 'UNKNOWN_OPERATOR',
        message: expect.stringContaining('$median'),
      })
    )
  })

  it('never mutates the source documents', async () => {
    const source = [{ _id: 1, a: { b: 1 }, list: [1, 2] }]
    const ctx = arrayContext(source)
    ctx.source = () => source
    await aggregateToArray([{ $set: { 'a.c': 2 } }, { $unwind: '$list' }, { $unset: 'a.b' }], ctx)
    expect(source).toEqual([{ _id: 1, a: { b: 1 }, list: [1, 2] }])
  })

  it('reads sourceBatches instead of source when the context offers it', async () => {
    const ctx = arrayContext([])
    ctx.sourceBatches = (head) => {
      ctx.heads.push(head)
      return [[docs[0], docs[1]], [], [docs[2], docs[3]]]
    }
    const out = await aggregateToArray(
      [{ $match: { n: { $gt: 0 } } }, { $group: { _id: '$city', n: { $sum: '$n' } } }],
      ctx
    )
    expect(out).toEqual([
      { _id: 'a', n: 14 },
      { _id: 'b', n: 3 },
      { _id: 'c', n: 1 },
    ])
    expect(ctx.heads).toEqual([{ filter: { n: { $gt: 0 } } }])
  })

  it('reads asynchronous sourceBatches and skips their empty batches', async () => {
    const ctx = arrayContext([])
    ctx.sourceBatches = async function* () {
      yield []
      yield [docs[3]]
      yield [docs[0]]
    }
    const seen: number[] = []
    for await (const batch of runPipelineBatches([{ $project: { n: 1 } }], ctx)) {
      seen.push(batch.length)
    }
    expect(seen).toEqual([1, 1])
  })

  it('processes more documents than one batch', async () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ _id: i, g: i % 7 }))
    const out = await run(many, [{ $group: { _id: '$g', n: { $sum: 1 } } }, { $sort: { _id: 1 } }])
    expect(out.map((d) => d.n)).toEqual([715, 715, 714, 714, 714, 714, 714])
  })
})

describe('hostile names', () => {
  it('rejects prototype keys as output fields and merged keys', async () => {
    const hostile = JSON.parse('{"_id": null, "__proto__": { "$sum": 1 }}')
    await expect(run(docs, [{ $group: hostile }])).rejects.toMatchObject({ code: 'UNSAFE_KEY' })
    const merged = JSON.parse('{"$literal": {"__proto__": {"polluted": true}}}')
    await expect(
      run(docs, [{ $project: { m: { $mergeObjects: [merged] } } }])
    ).rejects.toMatchObject({ code: 'UNSAFE_KEY' })
    await expect(
      run(docs, [{ $lookup: { from: 'x', localField: 'a', foreignField: 'b', as: 'constructor' } }])
    ).rejects.toMatchObject({
      code: 'UNSAFE_KEY',
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
