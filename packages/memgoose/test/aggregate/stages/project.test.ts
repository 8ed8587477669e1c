import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const doc = { _id: 1, a: 1, b: { c: 2, d: 3 }, list: [{ x: 1, y: 2 }, { x: 3 }, 7], s: 'hi' }

describe('$project', () => {
  it('includes fields in document order with _id', async () => {
    expect(await run([doc], [{ $project: { s: 1, a: 1 } }])).toEqual([{ _id: 1, a: 1, s: 'hi' }])
  })

  it('excludes _id on request', async () => {
    expect(await run([doc], [{ $project: { _id: 0, a: 1 } }])).toEqual([{ a: 1 }])
    expect(await run([doc], [{ $project: { _id: 0 } }])).toEqual([
      { a: 1, b: { c: 2, d: 3 }, list: doc.list, s: 'hi' },
    ])
  })

  it('projects nested paths through objects and arrays', async () => {
    expect(await run([doc], [{ $project: { 'b.c': 1, 'list.x': 1 } }])).toEqual([
      { _id: 1, b: { c: 2 }, list: [{ x: 1 }, { x: 3 }] },
    ])
    expect(await run([doc], [{ $project: { b: { d: 1 } } }])).toEqual([{ _id: 1, b: { d: 3 } }])
  })

  it('computes fields from expressions and literals', async () => {
    const out = await run(
      [doc],
      [
        {
          $project: {
            _id: 0,
            sum: { $add: ['$a', '$b.c'] },
            lit: 'text',
            n: { $literal: 1 },
            'deep.v': '$s',
          },
        },
      ]
    )
    expect(out).toEqual([{ sum: 3, lit: 'text', n: 1, deep: { v: 'hi' } }])
  })

  it('drops computed fields evaluating to $$REMOVE or missing', async () => {
    expect(await run([doc], [{ $project: { gone: '$$REMOVE', nope: '$missing', a: 1 } }])).toEqual([
      { _id: 1, a: 1 },
    ])
  })

  it('excludes nested fields, keeping scalars in arrays', async () => {
    expect(await run([doc], [{ $project: { 'list.x': 0, b: 0, s: 0 } }])).toEqual([
      { _id: 1, a: 1, list: [{ y: 2 }, {}, 7] },
    ])
  })

  it('rejects mixing inclusion and exclusion, and empty or colliding specs', async () => {
    await expect(run([doc], [{ $project: { a: 1, s: 0 } }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
    await expect(run([doc], [{ $project: {} }])).rejects.toMatchObject({ code: 'BAD_STAGE' })
    await expect(run([doc], [{ $project: { b: 1, 'b.c': 1 } }])).rejects.toMatchObject({
      code: 'BAD_STAGE',
    })
    await expect(run([doc], [{ $project: JSON.parse('{"__proto__": 1}') }])).rejects.toMatchObject({
      code: 'UNSAFE_KEY',
    })
    await expect(run([doc], [{ $project: { 'a.constructor': 1 } }])).rejects.toMatchObject({
      code: 'UNSAFE_KEY',
    })
  })
})
