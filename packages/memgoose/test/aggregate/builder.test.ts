import { describe, expect, it } from 'vitest'
import {
  Aggregate,
  runPipeline,
  runPipelineBatches,
  type AggregateRunner,
} from '../../src/aggregate/index.js'
import { arrayContext } from './context.js'

const docs = [
  { _id: 1, city: 'a', n: 3, tags: ['x'] },
  { _id: 2, city: 'b', n: 1, tags: ['y', 'z'] },
  { _id: 3, city: 'a', n: 2, tags: [] },
]

function runner(events: string[] = []): AggregateRunner {
  return {
    run: (pipeline) => runPipeline(pipeline, arrayContext(docs)),
    explain: async (pipeline) => ({ stages: pipeline.length }),
    hooks: {
      pre: (agg) => {
        events.push(`pre:${agg.pipeline().length}`)
      },
      post: (_agg, result) => {
        events.push(`post:${result.length}`)
      },
    },
  }
}

describe('Aggregate builder', () => {
  it('builds pipelines the way mongoose does', () => {
    const agg = new Aggregate([{ $match: { a: 1 } }])
      .group({ _id: '$city' })
      .project('a -b')
      .sort('-n city')
      .limit(5)
      .skip(1)
      .unwind('tags', '$other')
      .lookup({ from: 'x', localField: 'a', foreignField: 'b', as: 'c' })
      .addFields({ z: 1 })
      .count('total')
      .sortByCount('city')
      .replaceRoot('doc')
      .sample(3)
      .unionWith('other')
      .facet({ f: [] })
      .append({ $set: { q: 1 } }, [{ $unset: 'q' }])
    expect(agg.pipeline()).toEqual([
      { $match: { a: 1 } },
      { $group: { _id: '$city' } },
      { $project: { a: 1, b: 0 } },
      { $sort: { n: -1, city: 1 } },
      { $limit: 5 },
      { $skip: 1 },
      { $unwind: '$tags' },
      { $unwind: '$other' },
      { $lookup: { from: 'x', localField: 'a', foreignField: 'b', as: 'c' } },
      { $addFields: { z: 1 } },
      { $count: 'total' },
      { $sortByCount: '$city' },
      { $replaceRoot: { newRoot: '$doc' } },
      { $sample: { size: 3 } },
      { $unionWith: 'other' },
      { $facet: { f: [] } },
      { $set: { q: 1 } },
      { $unset: 'q' },
    ])
  })

  it('rejects non-stage arguments to append', () => {
    expect(() => new Aggregate().append({ match: {} } as never)).toThrow(
      expect.objectContaining({ code: 'BAD_STAGE' })
    )
  })

  it('keeps options, session and sort directions by name', () => {
    const agg = new Aggregate()
      .option({ allowDiskUse: true })
      .session('s')
      .sort({ a: 'desc', b: 'asc' })
    expect(agg.options).toEqual({ allowDiskUse: true, session: 's' })
    expect(agg.pipeline()).toEqual([{ $sort: { a: -1, b: 1 } }])
    const spec = { c: 'desc' }
    new Aggregate().sort(spec)
    expect(spec).toEqual({ c: 'desc' })
  })

  it('is thenable and runs middleware around exec', async () => {
    const events: string[] = []
    const out = await new Aggregate([], runner(events))
      .match({ city: 'a' })
      .group({ _id: null, s: { $sum: '$n' } })
    expect(out).toEqual([{ _id: null, s: 5 }])
    expect(events).toEqual(['pre:2', 'post:1'])
  })

  it('collects batches through runBatches when the runner offers it', async () => {
    const batched: AggregateRunner = {
      ...runner(),
      run: () => {
        throw new Error('exec should read runBatches')
      },
      runBatches: (pipeline) => runPipelineBatches(pipeline, arrayContext(docs)),
    }
    const out = await new Aggregate([], batched).sort({ n: -1 }).project({ n: 1 })
    expect(out).toEqual([
      { _id: 1, n: 3 },
      { _id: 3, n: 2 },
      { _id: 2, n: 1 },
    ])
  })

  it('supports catch and finally', async () => {
    let finished = false
    const err = await new Aggregate([{ $bogus: 1 }], runner()).catch((e) => e)
    expect(err).toMatchObject({ code: 'UNKNOWN_STAGE' })
    await new Aggregate([], runner()).finally(() => {
      finished = true
    })
    expect(finished).toBe(true)
  })

  it('reads through a cursor with next() and close(), and with for await', async () => {
    const cursor = new Aggregate([], runner()).sort({ n: 1 }).cursor()
    expect((await cursor.next())?._id).toBe(2)
    expect((await cursor.next())?._id).toBe(3)
    await cursor.close()
    expect(await cursor.next()).toBeNull()
    const seen: unknown[] = []
    for await (const doc of new Aggregate([], runner()).unwind('tags')) seen.push(doc.tags)
    expect(seen).toEqual(['x', 'y', 'z'])
  })

  it('delegates explain to the runner', async () => {
    expect(await new Aggregate([{ $match: {} }], runner()).explain()).toEqual({ stages: 1 })
  })

  it('fails clearly when not bound to a model', async () => {
    await expect(new Aggregate().exec()).rejects.toMatchObject({ code: 'NO_MODEL' })
  })
})
