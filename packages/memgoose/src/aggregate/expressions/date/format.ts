/** `$dateToString` format strings (`%Y-%m-%d` ...), checked once at compile time. */
import { QueryError } from '../../../errors/index.js'
import { dayOfYear, isoDayOfWeek, isoWeek, sundayWeek } from './calendar.js'

/** The default format: ISO 8601 with milliseconds and `Z`. */
export const DEFAULT_FORMAT = '%Y-%m-%dT%H:%M:%S.%LZ'

const pad = (n: number, width: number) => String(n).padStart(width, '0')

type Piece = string | ((local: Date, offsetMinutes: number) => string)

const SPECIFIERS: Record<string, Piece> = {
  Y: (d) => pad(d.getUTCFullYear(), 4),
  m: (d) => pad(d.getUTCMonth() + 1, 2),
  d: (d) => pad(d.getUTCDate(), 2),
  H: (d) => pad(d.getUTCHours(), 2),
  M: (d) => pad(d.getUTCMinutes(), 2),
  S: (d) => pad(d.getUTCSeconds(), 2),
  L: (d) => pad(d.getUTCMilliseconds(), 3),
  j: (d) => pad(dayOfYear(d), 3),
  w: (d) => String(d.getUTCDay() + 1),
  u: (d) => String(isoDayOfWeek(d)),
  U: (d) => pad(sundayWeek(d), 2),
  G: (d) => pad(isoWeek(d).year, 4),
  V: (d) => pad(isoWeek(d).week, 2),
  Z: (_d, off) => `${off < 0 ? '-' : '+'}${Math.abs(off)}`,
  z: (_d, off) =>
    `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60), 2)}${pad(Math.abs(off) % 60, 2)}`,
  '%': '%',
}

/** A compiled format: call with the local view of the date and the zone offset in minutes. */
export type Formatter = (local: Date, offsetMinutes: number) => string

/** Compiles a format string; unknown `%x` specifiers are a BAD_EXPRESSION error. */
export function compileFormat(name: string, format: string): Formatter {
  const pieces: Piece[] = []
  let literal = ''
  for (let i = 0; i < format.length; i++) {
    if (format[i] !== '%') {
      literal += format[i]
      continue
    }
    const spec = SPECIFIERS[format[++i]]
    if (spec === undefined) {
      throw new QueryError(
        'BAD_EXPRESSION',
        `${name}: invalid format specifier %${format[i] ?? ''}`
      )
    }
    if (typeof spec === 'string') literal += spec
    else {
      if (literal) pieces.push(literal)
      literal = ''
      pieces.push(spec)
    }
  }
  if (literal) pieces.push(literal)
  return (local, off) => {
    let out = ''
    for (const p of pieces) out += typeof p === 'string' ? p : p(local, off)
    return out
  }
}
