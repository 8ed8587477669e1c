/**
 * `$dateFromParts`: `{ year, month?, day?, hour?, minute?, second?, millisecond?, timezone? }` or the
 * ISO form `{ isoWeekYear, isoWeek?, isoDayOfWeek?, ... }`. Out-of-range parts carry over.
 */
import { badExpression } from '../errors.js'
import { compileSpec, integral, isNullish } from '../helpers.js'
import { isPlainObject } from '../../../values/bson.js'
import { fromIsoWeek, localFromFields } from './calendar.js'
import { compileZone } from './date-arg.js'
import { fromLocal } from './timezone.js'
import type { Evaluate, ExpressionOperator } from '../types.js'

const TIME = ['hour', 'minute', 'second', 'millisecond', 'timezone'] as const

/** Compiles `$dateFromParts`. */
export const dateFromParts: ExpressionOperator = (args, compile, name) => {
  if (!isPlainObject(args)) throw badExpression(name, 'expects an object argument')
  const iso = 'isoWeekYear' in args
  if (iso && 'year' in args) throw badExpression(name, 'cannot mix calendar and ISO week fields')
  const spec = iso
    ? compileSpec(
        name,
        args,
        compile,
        ['isoWeekYear'] as const,
        ['isoWeek', 'isoDayOfWeek', ...TIME] as const
      )
    : compileSpec(name, args, compile, ['year'] as const, ['month', 'day', ...TIME] as const)
  const fields = spec as Record<string, Evaluate | undefined>
  const zoneOf = compileZone(name, fields.timezone)
  const read = (
    key: string,
    fallback: number,
    doc: Parameters<Evaluate>[0],
    vars: Parameters<Evaluate>[1]
  ) => {
    const fn = fields[key]
    if (!fn) return fallback
    const v = fn(doc, vars)
    return isNullish(v) ? null : integral(name, v, `'${key}'`)
  }
  return (doc, vars) => {
    const zone = zoneOf(doc, vars)
    const p: number[] = []
    for (const [key, fallback] of iso
      ? ([
          ['isoWeekYear', 0],
          ['isoWeek', 1],
          ['isoDayOfWeek', 1],
        ] as const)
      : ([
          ['year', 0],
          ['month', 1],
          ['day', 1],
        ] as const)) {
      const v = read(key, fallback, doc, vars)
      if (v === null) return null
      p.push(v)
    }
    const t: number[] = []
    for (const key of ['hour', 'minute', 'second', 'millisecond']) {
      const v = read(key, 0, doc, vars)
      if (v === null) return null
      t.push(v)
    }
    if (zone === null) return null
    if (p[0] < 1 || p[0] > 9999) throw badExpression(name, "'year' must be in the range 1..9999")
    const local = iso
      ? fromIsoWeek(p[0], p[1], p[2]) + ((t[0] * 60 + t[1]) * 60 + t[2]) * 1000 + t[3]
      : localFromFields(p[0], p[1], p[2], t[0], t[1], t[2], t[3])
    return new Date(fromLocal(local, zone))
  }
}
