import { describe, expect, it } from 'vitest'
import { run } from '../context.js'

const doc = { _id: 1, a: 2, spec: { fuel: 'x', size: 3 }, items: [{ p: 1 }, { p: 2 }] }

describe('$addFields / $set', () => {
  it('adds and overwrites fields, keeping the rest', async () => {
    expect(await run([doc], [{ $addFields: { b: { $multiply: ['$a', 10] }, a: 0 } }])).toEqual([
      { ...doc, a: 0, b: 20 },
    ])
  })

  it('merges nested specifications into embedded documents', async () => {
    const [out] = await run([doc], [{ $set: { spec: { kind: 'new' }, 'spec.size': 4 } }])
    expect(out.spec).toEqual({ fuel: 'x', size: 4, kind: 'new' })
  })

  it('sets a dotted path inside every array element', async () => {
    const [out] = await run([doc], [{ $set: { 'items.q': '$a' } }])
    expect(out.items).toEqual([
      { p: 1, q: 2 },
      { p: 2, q: 2 },
    ])
  })

  it('removes a field with $$REMOVE and sets literal numbers as values', async () => {
    const [out] = await run([doc], [{ $addFields: { spec: '$$REMOVE', one: 1, t: true } }])
    expect(out).toEqual({ _id: 1, a: 2, items: doc.items, one: 1, t: true })
  })

  it('evaluates fields against the input document, not earlier fields of the same stage', async () => {
    const [out] = await run([doc], [{ $addFields: { a: 100, b: '$a' } }])
    expect(out.b).toBe(2)
  })
})

describe('$unset', () => {
  it('removes one or several fields, nested included', async () => {
    expect(await run([doc], [{ $unset: 'items' }, { $unset: ['a', 'spec.fuel'] }])).toEqual([
      { _id: 1, spec: { size: 3 } },
    ])
  })

  it('rejects an empty list', async () => {
    await expect(run([doc], [{ $unset: [] }])).rejects.toMatchObject({ code: 'BAD_STAGE' })
  })
})
