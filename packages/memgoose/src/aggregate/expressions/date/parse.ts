/**
 * Parsing of date strings for `$dateFromString`, `$toDate` and `$convert`: ISO 8601-like strings by
 * default, or a `%` format. Returns the instant in ms, or undefined when the string does not parse.
 */
import { QueryError } from '../../../errors/index.js'
import { fromIsoWeek, localFromFields } from './calendar.js'
import { UTC, fromLocal, type Zone } from './timezone.js'

const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/

const TOKENS: Record<string, [string, string]> = {
  Y: ['(\\d{4})', 'year'],
  m: ['(\\d{1,2})', 'month'],
  d: ['(\\d{1,2})', 'day'],
  H: ['(\\d{1,2})', 'hour'],
  M: ['(\\d{1,2})', 'minute'],
  S: ['(\\d{1,2})', 'second'],
  L: ['(\\d{1,3})', 'millisecond'],
  j: ['(\\d{1,3})', 'dayOfYear'],
  G: ['(\\d{4})', 'isoYear'],
  V: ['(\\d{1,2})', 'isoWeek'],
  u: ['(\\d)', 'isoDay'],
  z: ['([+-]\\d{2}:?\\d{2})', 'offset'],
  Z: ['([+-]\\d+)', 'offsetMinutes'],
}

const formats = new Map<string, { re: RegExp; fields: string[] }>()

function compileParseFormat(format: string): { re: RegExp; fields: string[] } {
  let cached = formats.get(format)
  if (cached) return cached
  let source = '^'
  const fields: string[] = []
  for (let i = 0; i < format.length; i++) {
    const c = format[i]
    if (c !== '%') {
      source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      continue
    }
    const spec = format[++i]
    if (spec === '%') source += '%'
    else if (TOKENS[spec]) {
      source += TOKENS[spec][0]
      fields.push(TOKENS[spec][1])
    } else
      throw new QueryError(
        'BAD_EXPRESSION',
        `$dateFromString: invalid format specifier %${spec ?? ''}`
      )
  }
  cached = { re: new RegExp(`${source}$`), fields }
  if (formats.size > 1000) formats.clear()
  formats.set(format, cached)
  return cached
}

function offsetMs(text: string): number {
  if (text === 'Z') return 0
  const sign = text[0] === '-' ? -1 : 1
  const digits = text.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000
}

/** Parses `text` (with `format` if given) as wall time in `zone` unless the text carries an offset. */
export function parseDateString(
  text: string,
  format: string | undefined,
  zone: Zone | 0
): number | undefined {
  const z = zone === 0 ? UTC : zone
  const f: Record<string, number> = {}
  let offset: number | undefined
  if (format === undefined) {
    const m = ISO.exec(text.trim())
    if (!m) return undefined
    ;[f.year, f.month, f.day, f.hour, f.minute, f.second] = [1, 2, 3, 4, 5, 6].map((i) =>
      Number(m[i] ?? 0)
    )
    f.millisecond = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0
    if (m[8]) offset = offsetMs(m[8])
  } else {
    const { re, fields } = compileParseFormat(format)
    const m = re.exec(text)
    if (!m) return undefined
    fields.forEach((field, i) => {
      const raw = m[i + 1]
      if (field === 'offset') offset = offsetMs(raw)
      else if (field === 'offsetMinutes') offset = Number(raw) * 60_000
      else f[field] = Number(raw)
    })
  }
  let local: number
  if (f.isoYear !== undefined) {
    local = fromIsoWeek(f.isoYear, f.isoWeek ?? 1, f.isoDay ?? 1)
    local +=
      ((f.hour ?? 0) * 3600 + (f.minute ?? 0) * 60 + (f.second ?? 0)) * 1000 + (f.millisecond ?? 0)
  } else {
    const year = f.year ?? 1970
    if ((f.month ?? 1) < 1 || (f.month ?? 1) > 12 || (f.day ?? 1) < 1 || (f.day ?? 1) > 31)
      return undefined
    if ((f.hour ?? 0) > 23 || (f.minute ?? 0) > 59 || (f.second ?? 0) > 59) return undefined
    if (f.dayOfYear !== undefined) {
      local = localFromFields(year, 1, f.dayOfYear, f.hour, f.minute, f.second, f.millisecond)
    } else {
      local = localFromFields(
        year,
        f.month ?? 1,
        f.day ?? 1,
        f.hour,
        f.minute,
        f.second,
        f.millisecond
      )
      if (new Date(local).getUTCDate() !== (f.day ?? 1)) return undefined
    }
  }
  return offset === undefined ? fromLocal(local, z) : local - offset
}
