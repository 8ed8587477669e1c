/**
 * The stored forms a bulk insert builds (StoredFormBuilder, with its per-shape template) are exactly
 * toStoredForm's, whatever the shapes and values that come in.
 */
import { describe, expect, it } from 'vitest'
import { StoredFormBuilder, toStoredForm } from '../../src/model/stored-form.js'
import { ObjectId } from '../../src/values/bson.js'

function sample(i: number): Record<string, unknown> {
  const base: Record<string, unknown> = {
    _id: new ObjectId(),
    name: `n${i}`,
    age: i % 3 === 0 ? 1.5 : i,
    tags: ['a', undefined, i],
    at: new Date(i),
    profile: { bio: 'b', score: i, gone: undefined },
    bytes: Buffer.from([i & 0xff]),
    map: new Map<string, unknown>([['k', { deep: [i] }]]),
    nothing: null,
  }
  switch (i % 7) {
    case 1:
      return { name: base.name, _id: base._id, ...base }
    case 2:
      return { ...base, extra: i }
    case 3:
      return { ...base, age: undefined }
    case 4: {
      const { tags: _tags, ...rest } = base
      return rest
    }
    default:
      return base
  }
}

describe('StoredFormBuilder', () => {
  it("builds toStoredForm's result, key order included, for every shape", () => {
    const builder = new StoredFormBuilder()
    for (let i = 0; i < 100; i++) {
      const values = sample(i)
      const built = builder.build(values)
      const reference = toStoredForm(values) as Record<string, unknown>
      expect(built).toStrictEqual(reference)
      expect(Object.keys(built)).toEqual(Object.keys(reference))
    }
  })

  it('shares nothing mutable with the values it copies', () => {
    const builder = new StoredFormBuilder()
    const values = [0, 7, 14].map(sample)
    const built = values.map((v) => builder.build(v))
    for (let i = 0; i < values.length; i++) {
      ;(values[i].at as Date).setTime(-1)
      ;(values[i].tags as unknown[]).push('x')
      ;(values[i].profile as Record<string, unknown>).score = -1
      ;(values[i].bytes as Buffer)[0] = 99
      expect((built[i].at as Date).getTime()).toBe(i * 7)
      expect(built[i].tags).toEqual(['a', null, i * 7])
      expect((built[i].profile as Record<string, unknown>).score).toBe(i * 7)
      expect((built[i].bytes as Buffer)[0]).toBe((i * 7) & 0xff)
    }
  })

  it('keeps rejecting forbidden keys and runaway nesting', () => {
    const builder = new StoredFormBuilder()
    builder.build({ _id: 1, a: 1 })
    const polluted = JSON.parse('{"_id":2,"a":{"__proto__":{"x":1}}}') as Record<string, unknown>
    expect(() => builder.build(polluted)).toThrow(expect.objectContaining({ code: 'UNSAFE_KEY' }))
    let deep: Record<string, unknown> = {}
    for (let i = 0; i < 150; i++) deep = { a: deep }
    expect(() => builder.build({ _id: 3, a: deep })).toThrow(
      expect.objectContaining({ code: 'DOCUMENT_TOO_DEEP' })
    )
  })
})
