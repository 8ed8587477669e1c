/**
 * The argument forms shared by the date part operators: a date expression, `[date]`, or
 * `{ date, timezone? }`. Dates, ObjectIds (their creation time) and Timestamps are accepted.
 */
import { isObjectId, isPlainObject } from '../../../values/bson.js'
import { typeMismatch } from '../errors.js'
import { compileSpec, isNullish } from '../helpers.js'
import { UTC, resolveZone, type Zone } from './timezone.js'
import type { Doc } from '../../types.js'
import type { CompileFn, Evaluate } from '../types.js'

/** A compiled `{ date, timezone }` pair. */
export interface DateArg {
  /** The date as a Date, or null for null/missing input. */
  date(doc: Doc, vars: Record<string, unknown>): Date | null
  /** The zone, or null when the timezone expression is null. */
  zone(doc: Doc, vars: Record<string, unknown>): Zone | null
}

/** Coerces a date-like value to a Date (null/missing to null), or fails naming the operator. */
export function asDate(name: string, value: unknown): Date | null {
  if (value instanceof Date) return value
  if (isNullish(value)) return null
  if (isObjectId(value)) return value.getTimestamp()
  if ((value as { _bsontype?: string })?._bsontype === 'Timestamp') {
    return new Date((value as { high: number }).high * 1000)
  }
  throw typeMismatch(name, 'can only take a date, timestamp or ObjectId', value)
}

/** Compiles a zone expression (absent means UTC). */
export function compileZone(name: string, expr: Evaluate | undefined): DateArg['zone'] {
  if (!expr) return () => UTC
  return (doc, vars) => {
    const tz = expr(doc, vars)
    return isNullish(tz) ? null : resolveZone(name, tz)
  }
}

/** Compiles the argument of a date part operator. */
export function compileDateArg(name: string, args: unknown, compile: CompileFn): DateArg {
  const single = Array.isArray(args) && args.length === 1 ? args[0] : args
  if (isPlainObject(single) && 'date' in single) {
    const spec = compileSpec(name, single, compile, ['date'] as const, ['timezone'] as const)
    return {
      date: (doc, vars) => asDate(name, spec.date!(doc, vars)),
      zone: compileZone(name, spec.timezone),
    }
  }
  const expr = compile(single)
  return { date: (doc, vars) => asDate(name, expr(doc, vars)), zone: () => UTC }
}

/** Local wall-clock view of `date` in `zone` (a Date whose UTC fields are the local fields). */
export function localDate(date: Date, zone: Zone): Date {
  return new Date(date.getTime() + zone.offsetAt(date.getTime()))
}
