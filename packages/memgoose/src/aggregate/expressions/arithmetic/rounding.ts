/**
 * The rounding core of `$round` (half to even, as MongoDB rounds) and `$trunc`, at a decimal place
 * between -20 and 100. Scaling goes through the decimal string form so 2.675 rounds like its digits.
 */
import { badExpression } from '../errors.js'
import { compileList, integral, isNullish, numeric } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

function roundHalfEven(x: number): number {
  const r = Math.round(x)
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r
}

function scaled(n: number, place: number, fn: (x: number) => number): number {
  if (!Number.isFinite(n)) return n
  const up = Number(`${n}e${place}`)
  const out = Number(`${fn(up)}e${-place}`)
  return Number.isFinite(out) ? out : fn(n * 10 ** place) / 10 ** place
}

/** Builds `$round` or `$trunc`. */
export function rounding(mode: 'round' | 'trunc'): ExpressionOperator {
  const fn = mode === 'round' ? roundHalfEven : Math.trunc
  return (args, compile, name) => {
    const [value, placeArg] = compileList(name, args, compile, 1, 2)
    return (doc, vars) => {
      const v = value(doc, vars)
      const p = placeArg ? placeArg(doc, vars) : 0
      if (isNullish(v) || isNullish(p)) return null
      const place = integral(name, p, 'place')
      if (place < -20 || place > 100) throw badExpression(name, 'place must be between -20 and 100')
      return scaled(numeric(name, v), place, fn) + 0
    }
  }
}
