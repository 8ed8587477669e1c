/**
 * Hostile names: collection, index and field names full of SQL and JSON-path syntax either work or
 * fail with a coded error, and can never inject SQL.
 */
import { describe, expect, it } from 'vitest'
import { compileFilter } from 'memgoose'
import { collect, openEngine } from './helpers.js'

const HOSTILE = [
  '"); DROP TABLE x; --',
  "'; DROP TABLE memgoose_collections; --",
  'x"y',
  'semi;colon',
  '-- comment',
  '$dollar',
  'dot.ted',
  '[brackets]',
  'ünïcødé ✓ 名前',
  ' ',
]

describe('hostile names', () => {
  it('stores collections under any name without touching other tables', async () => {
    const engine = await openEngine()
    const victim = engine.collection('x')
    victim.insert([{ _id: 'safe' }])
    for (const name of HOSTILE) {
      const c = engine.collection(name)
      c.insert([{ _id: name, name }])
      expect(c.get(name)).toEqual({ _id: name, name })
      expect(await collect(c.scan({ filter: { name } }))).toEqual([{ _id: name, name }])
    }
    expect([...engine.listCollections()].sort()).toEqual(['x', ...HOSTILE].sort())
    expect(victim.get('safe')).toEqual({ _id: 'safe' })
    expect(engine.dropCollection(HOSTILE[0])).toBe(true)
    expect(victim.get('safe')).toEqual({ _id: 'safe' })
    await engine.close()
  })

  it('rejects a NUL or empty collection name with a coded error', async () => {
    const engine = await openEngine()
    expect(() => engine.collection('a\0b')).toThrow(
      expect.objectContaining({ code: 'BAD_COLLECTION_NAME' })
    )
    expect(() => engine.collection('')).toThrow(
      expect.objectContaining({ code: 'BAD_COLLECTION_NAME' })
    )
    await engine.close()
  })

  it('round-trips hostile field names and filters on them exactly', async () => {
    const engine = await openEngine()
    const c = engine.collection('fields')
    const fields = [
      '"); DROP TABLE mg_c1; --',
      'a"b',
      'x;--',
      '$weird',
      '$t',
      'ü',
      "it's",
      'nul\0byte',
    ]
    const docs = fields.map((f, i) => ({ _id: i, [f]: i, nested: { [f]: [i, 'v'] } }))
    c.insert(docs)
    for (const doc of docs) expect(c.get(doc._id)).toEqual(doc)
    for (const f of fields) {
      if (f.startsWith('$')) {
        // A top-level `$` key is an operator to MongoDB: the scan rejects it as the core does.
        expect(() => c.scan({ filter: { [f]: 1 } })).toThrow(
          expect.objectContaining({ code: 'UNKNOWN_OPERATOR' })
        )
      }
      const filters: Record<string, unknown>[] = [
        { [`nested.${f}`]: 'v' },
        { [`nested.${f}`]: { $size: 2 } },
      ]
      if (!f.startsWith('$')) filters.push({ [f]: { $gte: 0 } }, { [f]: { $exists: false } })
      for (const filter of filters) {
        const predicate = compileFilter(filter)
        const got = await collect(c.scan({ filter }))
        expect(got, JSON.stringify(filter)).toEqual(docs.filter((d) => predicate(d)))
      }
    }
    expect(c.get(0)).toEqual(docs[0])
    await engine.close()
  })

  it('accepts hostile index names and key paths', async () => {
    const engine = await openEngine()
    const c = engine.collection('idx')
    const name = '"); DROP TABLE mg_c1; --'
    c.ensureIndex({ name, key: [['a"b', 1]], unique: true })
    c.insert([{ _id: 1, 'a"b': 'k' }])
    expect(() => c.insert([{ _id: 2, 'a"b': 'k' }])).toThrow(
      expect.objectContaining({ code: 11000 })
    )
    const found = await collect(
      c.scan({
        index: name,
        ranges: [{ lower: ['k'], upper: ['k'], lowerInclusive: true, upperInclusive: true }],
      })
    )
    expect(found).toEqual([{ _id: 1, 'a"b': 'k' }])
    expect((await c.listIndexes()).map((i) => i.name)).toEqual(['_id_', name])
    expect(c.dropIndex(name)).toBe(true)
    expect(c.get(1)).toEqual({ _id: 1, 'a"b': 'k' })
    await engine.close()
  })

  it('rejects prototype-polluting paths with a coded error', async () => {
    const engine = await openEngine()
    const c = engine.collection('proto')
    expect(() => c.ensureIndex({ name: 'p', key: [['__proto__.x', 1]] })).toThrow(
      expect.objectContaining({ code: 'UNSAFE_KEY' })
    )
    await engine.close()
  })
})
