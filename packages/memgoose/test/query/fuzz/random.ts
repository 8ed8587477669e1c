/**
 * Seeded random documents and filters for the differential test. Values are drawn from small pools
 * so that filters and documents actually meet (equal values, shared paths).
 */
import { createRandom } from '../../../src/testing/random.js'

/** A seeded generator of floats in [0, 1) (mulberry32). */
export type Random = () => number

/** Creates a seeded PRNG. */
export const seeded: (seed: number) => Random = createRandom

const pick = <T>(r: Random, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]
const times = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f)

const KEYS = ['a', 'b', 'c']
const NUMBERS = [-2, -1, 0, 1, 2, 3, 1.5, 10]
const STRINGS = ['', 'a', 'ab', 'B', 'b', 'abc']
const DATES = [0, 1000, 2000].map((t) => new Date(t))
const PATHS = ['a', 'b', 'c', 'a.b', 'a.c', 'b.a', 'a.0', 'a.1', 'a.b.c', 'a.0.b', 'b.0']

type Doc = Record<string, unknown>

/** A scalar: number (rarely NaN), string, null, boolean or Date. */
export function randomScalar(r: Random): unknown {
  const k = r()
  if (k < 0.35) return pick(r, NUMBERS)
  if (k < 0.55) return pick(r, STRINGS)
  if (k < 0.65) return null
  if (k < 0.75) return r() < 0.5
  if (k < 0.85) return pick(r, DATES)
  if (k < 0.87) return Number.NaN
  return pick(r, [0, 1, 2])
}

function randomValue(r: Random, depth: number): unknown {
  const k = r()
  if (depth >= 3 || k < 0.55) return randomScalar(r)
  if (k < 0.78) return randomDocument(r, depth + 1)
  return times(Math.floor(r() * 4), () => randomValue(r, depth + 1))
}

/** A document of up to three fields holding scalars, subdocuments and (nested) arrays. */
export function randomDocument(r: Random, depth = 0): Doc {
  const out: Doc = {}
  for (const key of KEYS) if (r() < 0.6) out[key] = randomValue(r, depth)
  return out
}

function operand(r: Random): unknown {
  return r() < 0.85 ? randomScalar(r) : randomValue(r, 2)
}

function operatorObject(r: Random, depth: number): Doc {
  const op = pick(r, [
    '$eq',
    '$ne',
    '$gt',
    '$gte',
    '$lt',
    '$lte',
    '$in',
    '$nin',
    '$exists',
    '$type',
    '$regex',
    '$mod',
    '$size',
    '$all',
    '$elemMatch',
    '$not',
    'range',
  ])
  switch (op) {
    case '$in':
    case '$nin':
      return { [op]: times(Math.floor(r() * 3), () => operand(r)) }
    case '$exists':
      return { $exists: r() < 0.5 }
    case '$type':
      return {
        $type: pick(r, [
          'number',
          'string',
          'object',
          'array',
          'null',
          'bool',
          'date',
          'double',
          'int',
          2,
          4,
        ]),
      }
    case '$regex':
      return r() < 0.5
        ? { $regex: pick(r, ['^a', 'b', 'B']), $options: pick(r, ['', 'i']) }
        : { $regex: pick(r, [/^a/, /b$/i]) }
    case '$mod':
      return { $mod: [pick(r, [2, 3]), pick(r, [0, 1])] }
    case '$size':
      return { $size: pick(r, [0, 1, 2]) }
    case '$all':
      return { $all: times(1 + Math.floor(r() * 2), () => randomScalar(r)) }
    case '$elemMatch':
      return r() < 0.5 || depth > 1
        ? { $elemMatch: operatorObject(r, depth + 1) }
        : { $elemMatch: randomFilter(r, depth + 1) }
    case '$not':
      return { $not: depth > 1 ? { $gt: randomScalar(r) } : operatorObject(r, depth + 1) }
    case 'range':
      return { $gt: pick(r, [0, 'a', DATES[0]]), $lte: pick(r, [2, 'b', DATES[1]]) }
    default:
      return { [op]: operand(r) }
  }
}

/** A filter of one or two conditions: literals, operator objects, and `$and`/`$or`/`$nor`. */
export function randomFilter(r: Random, depth = 0): Doc {
  const out: Doc = {}
  const n = 1 + Math.floor(r() * 2)
  for (let i = 0; i < n; i++) {
    const k = r()
    if (depth < 2 && k < 0.15) {
      out[pick(r, ['$and', '$or', '$nor'])] = times(1 + Math.floor(r() * 2), () =>
        randomFilter(r, depth + 1)
      )
    } else if (k < 0.4) out[pick(r, PATHS)] = operand(r)
    else out[pick(r, PATHS)] = operatorObject(r, depth)
  }
  return out
}
