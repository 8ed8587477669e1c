/**
 * Preferred-number series for `$bucketAuto`'s `granularity`: the Renard series (R5..R80), the E
 * series of electronic components (E6..E192), 1-2-5 and powers of two. `roundUp` returns the
 * smallest series value strictly greater than x, `roundDown` the largest strictly less (MongoDB's
 * GranularityRounder contract).
 */
import { QueryError } from '../../errors/index.js'

const R = {
  R5: [1.0, 1.6, 2.5, 4.0, 6.3],
  R10: [1.0, 1.25, 1.6, 2.0, 2.5, 3.15, 4.0, 5.0, 6.3, 8.0],
  R20: [
    1.0, 1.12, 1.25, 1.4, 1.6, 1.8, 2.0, 2.24, 2.5, 2.8, 3.15, 3.55, 4.0, 4.5, 5.0, 5.6, 6.3, 7.1,
    8.0, 9.0,
  ],
  R40: [
    1.0, 1.06, 1.12, 1.18, 1.25, 1.32, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2.0, 2.12, 2.24, 2.36, 2.5,
    2.65, 2.8, 3.0, 3.15, 3.35, 3.55, 3.75, 4.0, 4.25, 4.5, 4.75, 5.0, 5.3, 5.6, 6.0, 6.3, 6.7, 7.1,
    7.5, 8.0, 8.5, 9.0, 9.5,
  ],
  R80: [
    1.0, 1.03, 1.06, 1.09, 1.12, 1.15, 1.18, 1.22, 1.25, 1.28, 1.32, 1.36, 1.4, 1.45, 1.5, 1.55,
    1.6, 1.65, 1.7, 1.75, 1.8, 1.85, 1.9, 1.95, 2.0, 2.06, 2.12, 2.18, 2.24, 2.3, 2.36, 2.43, 2.5,
    2.58, 2.65, 2.72, 2.8, 2.9, 3.0, 3.07, 3.15, 3.25, 3.35, 3.45, 3.55, 3.65, 3.75, 3.87, 4.0,
    4.12, 4.25, 4.37, 4.5, 4.62, 4.75, 4.87, 5.0, 5.15, 5.3, 5.45, 5.6, 5.8, 6.0, 6.15, 6.3, 6.5,
    6.7, 6.9, 7.1, 7.3, 7.5, 7.75, 8.0, 8.25, 8.5, 8.75, 9.0, 9.25, 9.5, 9.75,
  ],
  E6: [1.0, 1.5, 2.2, 3.3, 4.7, 6.8],
  E12: [1.0, 1.2, 1.5, 1.8, 2.2, 2.7, 3.3, 3.9, 4.7, 5.6, 6.8, 8.2],
  E24: [
    1.0, 1.1, 1.2, 1.3, 1.5, 1.6, 1.8, 2.0, 2.2, 2.4, 2.7, 3.0, 3.3, 3.6, 3.9, 4.3, 4.7, 5.1, 5.6,
    6.2, 6.8, 7.5, 8.2, 9.1,
  ],
  '1-2-5': [1, 2, 5],
} as Record<string, number[]>

/** E48, E96 and E192 are 10^(i/n) to three significant digits, except 9.20 in E192. */
function eSeries(n: number): number[] {
  const out: number[] = []
  for (let i = 0; i < n; i++) out.push(Math.round(10 ** (i / n) * 100) / 100)
  if (n === 192) out[185] = 9.2
  return out
}
R.E48 = eSeries(48)
R.E96 = eSeries(96)
R.E192 = eSeries(192)

/** Rounds values to a granularity. */
export interface Rounder {
  roundUp(x: number): number
  roundDown(x: number): number
}

const powersOf2: Rounder = {
  roundUp: (x) => (x <= 0 ? 0 : 2 ** (Math.floor(Math.log2(x)) + 1)),
  roundDown: (x) => {
    if (x <= 0) return 0
    const p = 2 ** Math.floor(Math.log2(x))
    return p === x ? p / 2 : p
  },
}

function series(values: number[]): Rounder {
  const scaled = (x: number) => 10 ** Math.floor(Math.log10(x))
  return {
    roundUp(x) {
      if (x <= 0) return 0
      const mag = scaled(x)
      for (const v of values)
        if (Number((v * mag).toPrecision(12)) > x) return Number((v * mag).toPrecision(12))
      return Number((values[0] * mag * 10).toPrecision(12))
    },
    roundDown(x) {
      if (x <= 0) return 0
      const mag = scaled(x)
      for (let i = values.length - 1; i >= 0; i--) {
        const v = Number((values[i] * mag).toPrecision(12))
        if (v < x) return v
      }
      return Number(((values[values.length - 1] * mag) / 10).toPrecision(12))
    },
  }
}

/** The rounder of a granularity name, or a BAD_STAGE error. */
export function rounderFor(name: string, granularity: unknown): Rounder {
  if (granularity === 'POWERSOF2') return powersOf2
  if (typeof granularity === 'string' && Object.hasOwn(R, granularity))
    return series(R[granularity])
  throw new QueryError('BAD_STAGE', `${name}: unknown granularity ${String(granularity)}`)
}
