/**
 * Scans interrupted by writes: a scan in `_id` or index order closes its statement before a write
 * and reopens after the last document it handed out, so it sees later writes ahead of it, never
 * returns a document twice, and holds no more than a batch in memory.
 */
import { describe, expect, it } from 'vitest'
import type { ScanPlan, StoredDoc } from 'memgoose'
import type { SqliteCollection } from '../src/collection.js'
import { collect, openEngine } from './helpers.js'

async function fill(n: number): Promise<SqliteCollection> {
  const engine = await openEngine()
  const c = engine.collection('resume', { indexes: [{ name: 'g_1', key: [['g', 1]] }] })
  c.insert(Array.from({ length: n }, (_, i) => ({ _id: i, g: i % 7 })))
  return c
}

/** Scans `plan` (documents as delivered), calling `between` after each batch with the last `_id`. */
function scanWithWrites(
  c: SqliteCollection,
  plan: ScanPlan,
  between: (last: number, seen: readonly StoredDoc[]) => void
): StoredDoc[] {
  const seen: StoredDoc[] = []
  for (const batch of c.scan({ ...plan, batchSize: 100 }) as Iterable<StoredDoc[]>) {
    seen.push(...batch)
    between(seen[seen.length - 1]._id as number, seen)
  }
  return seen
}

const ids = (docs: readonly StoredDoc[]) => docs.map((d) => d._id as number)

describe('scans interrupted by writes', () => {
  it('continue in _id order after the last document, seeing writes ahead', async () => {
    const c = await fill(2000)
    const deleted = new Set<number>()
    let added = 0
    const seen = ids(
      scanWithWrites(c, {}, (last) => {
        if (last + 300 >= 2000) return
        c.delete([last + 300])
        deleted.add(last + 300)
        c.insert([{ _id: 10_000 + added++, g: 0 }])
        c.replace({ _id: 0, g: 99 })
      })
    )
    expect(new Set(seen).size).toBe(seen.length)
    const expected = [
      ...Array.from({ length: 2000 }, (_, i) => i).filter((i) => !deleted.has(i)),
      ...Array.from({ length: added }, (_, i) => 10_000 + i),
    ]
    expect(seen).toEqual(expected)
  })

  it('continue in index order, reversed, within the planned ranges', async () => {
    const c = await fill(2000)
    const plan: ScanPlan = {
      index: 'g_1',
      ranges: [{ lower: [2], upper: [4], lowerInclusive: true, upperInclusive: true }],
      reverse: true,
    }
    const movedUnseen = new Set<number>()
    let moved = 0
    const docs = scanWithWrites(c, plan, (_last, soFar) => {
      // Move a document out of the range (g = 2 comes last, highest _id first).
      const id = 1997 - 7 * moved++
      if (!soFar.some((d) => d._id === id)) movedUnseen.add(id)
      c.replace({ _id: id, g: 50 })
    })
    const seen = ids(docs)
    expect(new Set(seen).size).toBe(seen.length)
    for (const id of movedUnseen) expect(seen).not.toContain(id)
    const keys = docs.map((d) => d.g as number)
    expect(keys).toEqual([...keys].sort((a, b) => b - a))
    expect(keys.every((g) => g >= 2 && g <= 4)).toBe(true)
    const inRange = Array.from({ length: 2000 }, (_, i) => i).filter(
      (i) => i % 7 >= 2 && i % 7 <= 4
    )
    expect(seen.length).toBe(inRange.length - movedUnseen.size)
    expect(movedUnseen.size).toBeGreaterThan(0)
  })

  it('keeps skip and limit exact across interruptions', async () => {
    const c = await fill(2000)
    let n = 0
    const seen = ids(
      scanWithWrites(c, { skip: 10, limit: 450 }, () => {
        c.insert([{ _id: -1 - n++, g: 1 }])
      })
    )
    expect(seen).toEqual(Array.from({ length: 450 }, (_, i) => i + 10))
  })

  it('continue after a last document that the write deleted, whatever its _id type', async () => {
    const engine = await openEngine()
    const c = engine.collection('mixed')
    // Stored keys are computed from these values; a Map and a bigint do not come back as
    // themselves (the Map's key sorts before the object's), so the position must be the stored
    // key, not one rebuilt from the document.
    const values: unknown[] = [
      ...Array.from({ length: 100 }, (_, i) => i),
      new Map([['m', 1]]),
      { a: 1 },
      2n ** 70n,
      ...Array.from({ length: 100 }, (_, i) => `s${String(i).padStart(3, '0')}`),
    ]
    c.insert(values.map((_id, i) => ({ _id, i })))
    const expected = ((await collect(c.scan({}))) as StoredDoc[]).map((d) => d.i)
    const seen: unknown[] = []
    for (const batch of c.scan({ batchSize: 1 }) as Iterable<StoredDoc[]>) {
      seen.push(...batch.map((d) => d.i))
      c.delete([values[batch[batch.length - 1].i as number]])
    }
    expect(seen).toEqual(expected)
    expect(seen).toHaveLength(values.length)
    await engine.close()
  })
})
