/** `$dateToString`: `{ date, format?, timezone?, onNull? }`. */
import { badExpression } from '../errors.js'
import { compileSpec, isNullish } from '../helpers.js'
import { asDate, compileZone, localDate } from './date-arg.js'
import { DEFAULT_FORMAT, compileFormat, type Formatter } from './format.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$dateToString`. */
export const dateToString: ExpressionOperator = (args, compile, name) => {
  const spec = compileSpec(
    name,
    args,
    compile,
    ['date'] as const,
    ['format', 'timezone', 'onNull'] as const
  )
  // A literal format is compiled once; a format computed by an expression is compiled per use.
  const raw = (args as Record<string, unknown>).format
  const fixed: Formatter | undefined =
    raw === undefined
      ? compileFormat(name, DEFAULT_FORMAT)
      : typeof raw === 'string' && !raw.startsWith('$')
        ? compileFormat(name, raw)
        : undefined
  const zoneOf = compileZone(name, spec.timezone)
  return (doc, vars) => {
    const date = asDate(name, spec.date!(doc, vars))
    if (date === null) return spec.onNull ? spec.onNull(doc, vars) : null
    const zone = zoneOf(doc, vars)
    if (zone === null) return null
    let formatter = fixed
    if (!formatter) {
      const f = spec.format!(doc, vars)
      if (isNullish(f)) return null
      if (typeof f !== 'string') throw badExpression(name, 'format must be a string')
      formatter = compileFormat(name, f)
    }
    const offset = zone.offsetAt(date.getTime())
    return formatter(localDate(date, zone), Math.round(offset / 60_000))
  }
}
