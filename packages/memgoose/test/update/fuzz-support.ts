/**
 * Seeded random documents and updates for the differential test against mingo. Deterministic: the
 * same seed always yields the same cases, so a failure names a reproducible case.
 */

import { createRandom } from '../../src/testing/random.js'

export { createRandom }

/** Random choices over one seeded stream. */
export class Gen {
  readonly #next: () => number

  constructor(seed: number) {
    this.#next = createRandom(seed)
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.#next() * (max - min + 1))
  }

  chance(p: number): boolean {
    return this.#next() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]
  }

  scalar(): unknown {
    switch (this.int(0, 6)) {
      case 6:
        return new Date(Date.UTC(2026, 0, this.int(1, 3)))
      case 0:
        return this.int(-5, 5)
      case 1:
        return this.int(-10, 10) + 0.5
      case 2:
        return this.pick(['x', 'y', 'z', ''])
      case 3:
        return null
      case 4:
        return this.chance(0.5)
      default:
        return this.int(0, 3)
    }
  }

  value(): unknown {
    switch (this.int(0, 4)) {
      case 0:
        return Array.from({ length: this.int(0, 3) }, () => this.int(0, 4))
      case 1:
        return { x: this.int(0, 3), y: this.pick(['p', 'q']) }
      default:
        return this.scalar()
    }
  }

  doc(id: number): Record<string, unknown> {
    const doc: Record<string, unknown> = { _id: id }
    if (this.chance(0.85)) doc.n = this.chance(0.85) ? this.int(-5, 5) : this.scalar()
    if (this.chance(0.7)) doc.s = this.pick(['x', 'y', 'z'])
    if (this.chance(0.8)) {
      doc.arr = this.chance(0.9)
        ? Array.from({ length: this.int(0, 5) }, () => this.int(0, 5))
        : this.scalar()
    }
    if (this.chance(0.7)) {
      doc.objs = Array.from({ length: this.int(0, 4) }, () => ({
        q: this.int(0, 9),
        r: this.pick(['a', 'b']),
      }))
    }
    if (this.chance(0.75)) {
      doc.sub = this.chance(0.9) ? { x: this.int(0, 9), y: this.scalar() } : this.scalar()
    }
    return doc
  }
}

/** A random update with the arrayFilters it needs. */
export interface UpdateCase {
  readonly update: Record<string, Record<string, unknown>>
  readonly arrayFilters?: Record<string, unknown>[]
}

type FieldMaker = (g: Gen, filters: Record<string, unknown>[]) => [string, unknown]

const NUMERIC_PATHS = ['n', 'sub.x', 'c', 'sub.w', 's', 'arr.0', 'objs.1.q']
const ANY_PATHS = ['n', 's', 'sub.x', 'sub.z', 'fresh', 'fresh.deep', 'arr.1', 'arr.6', 'objs.0.q']

const MAKERS: Readonly<Record<string, FieldMaker>> = {
  $set: (g) => [g.pick(ANY_PATHS), g.value()],
  $unset: (g) => [g.pick([...ANY_PATHS, 'objs', 'arr', 'sub']), ''],
  $inc: (g) => [g.pick(NUMERIC_PATHS), g.chance(0.8) ? g.int(-3, 3) : 1.5],
  $mul: (g) => [g.pick(NUMERIC_PATHS), g.int(-2, 3)],
  $min: (g) => [g.pick(['n', 'sub.x', 's', 'c']), g.scalar()],
  $max: (g) => [g.pick(['n', 'sub.x', 's', 'c']), g.scalar()],
  $push: (g) => {
    const path = g.pick(['arr', 'newArr', 's', 'objs'])
    if (path === 'objs') return [path, { q: g.int(0, 9), r: 'c' }]
    if (g.chance(0.4)) return [path, g.int(0, 5)]
    const spec: Record<string, unknown> = {
      $each: Array.from({ length: g.int(0, 3) }, () => g.int(0, 5)),
    }
    if (g.chance(0.4)) spec.$slice = g.int(-3, 3)
    if (g.chance(0.4)) spec.$sort = g.pick([1, -1])
    if (g.chance(0.3)) spec.$position = g.int(-2, 4)
    return [path, spec]
  },
  $addToSet: (g) => [
    g.pick(['arr', 'newArr']),
    g.chance(0.5) ? g.int(0, 6) : { $each: Array.from({ length: g.int(1, 3) }, () => g.int(0, 6)) },
  ],
  $pop: (g) => [g.pick(['arr', 'objs', 'missing']), g.pick([1, -1])],
  $pull: (g) =>
    g.chance(0.5)
      ? ['arr', g.chance(0.5) ? g.int(0, 5) : pullCondition(g)]
      : ['objs', g.chance(0.5) ? { q: g.int(0, 9) } : { q: { $gt: g.int(0, 9) } }],
  $bit: (g) => [g.pick(['n', 'sub.x', 'c', 's']), { [g.pick(['and', 'or', 'xor'])]: g.int(0, 7) }],
  $pullAll: (g) => ['arr', Array.from({ length: g.int(1, 3) }, () => g.int(0, 5))],
  $rename: (g) =>
    g.pick([
      ['n', 'm'],
      ['sub.x', 'sub.w'],
      ['s', 't'],
      ['sub', 'moved'],
    ]) as [string, string],
  positional: (g, filters) => {
    switch (g.int(0, 3)) {
      case 0:
        return ['arr.$[]', g.int(0, 9)]
      case 1:
        return ['objs.$[].q', g.int(0, 9)]
      case 2:
        filters.push({ 'e.q': { $gt: g.int(0, 9) } })
        return ['objs.$[e].q', g.int(10, 20)]
      default:
        filters.push({ e: { $gte: g.int(0, 5) } })
        return ['arr.$[e]', g.int(10, 20)]
    }
  },
}

const OPS = Object.keys(MAKERS)

function pullCondition(g: Gen): Record<string, unknown> {
  const op = g.pick(['$gte', '$lt', '$in', '$ne'])
  return { [op]: op === '$in' ? [g.int(0, 5), g.int(0, 5)] : g.int(0, 5) }
}

/** One to two operators with one to two fields each (paths may repeat: conflicts are cases too). */
export function randomUpdate(g: Gen): UpdateCase {
  const update: Record<string, Record<string, unknown>> = {}
  const arrayFilters: Record<string, unknown>[] = []
  const count = g.int(1, 2)
  for (let i = 0; i < count; i++) {
    const name = g.pick(OPS)
    const op = name === 'positional' ? g.pick(['$set', '$inc']) : name
    if (update[op] !== undefined || (name === 'positional' && arrayFilters.length > 0)) continue
    const fields: Record<string, unknown> = {}
    for (let j = g.int(1, 2); j > 0; j--) {
      const [path, value] = MAKERS[name](g, arrayFilters)
      if (name === 'positional' && op === '$inc' && typeof value !== 'number') continue
      fields[path] = value
      if (name === 'positional') break
    }
    update[op] = fields
  }
  return arrayFilters.length > 0 ? { update, arrayFilters } : { update }
}

/**
 * Deep copy with object keys sorted, so documents compare regardless of field order, and array holes
 * (mingo pads `a.5` with holes where MongoDB writes nulls) read as null.
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return Array.from(value, (v, i) => (i in value ? sortKeys(v) : null))
  if (typeof value !== 'object' || value === null) return value
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort())
    out[key] = sortKeys((value as Record<string, unknown>)[key])
  return out
}
