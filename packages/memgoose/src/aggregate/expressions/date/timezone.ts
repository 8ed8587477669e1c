/**
 * Time zones for the date operators: Olson names through Intl (formatters cached per zone) and fixed
 * `±HH:MM`/`±HHMM`/`±HH` offsets. A zone maps an instant to its UTC offset and local wall time back
 * to an instant.
 */
import { QueryError } from '../../../errors/index.js'

/** A resolved time zone. */
export interface Zone {
  /** Offset from UTC in milliseconds at the instant `ms`. */
  offsetAt(ms: number): number
}

/** UTC, the default zone. */
export const UTC: Zone = { offsetAt: () => 0 }

const zones = new Map<string, Zone>()
const OFFSET = /^([+-])(\d{2})(?::?(\d{2}))?$/

/** Resolves a `timezone` argument; throws BAD_EXPRESSION for an unknown name. */
export function resolveZone(name: string, tz: unknown): Zone {
  if (typeof tz !== 'string') {
    throw new QueryError('BAD_EXPRESSION', `${name}: timezone must be a string`)
  }
  let zone = zones.get(tz)
  if (zone) return zone
  const m = OFFSET.exec(tz)
  if (m) {
    const ms = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000
    zone = { offsetAt: () => ms }
  } else if (tz === 'UTC' || tz === 'GMT' || tz === 'Z') zone = UTC
  else zone = olson(name, tz)
  if (zones.size > 1000) zones.clear()
  zones.set(tz, zone)
  return zone
}

function olson(name: string, tz: string): Zone {
  let format: Intl.DateTimeFormat
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      era: 'short',
    })
  } catch {
    throw new QueryError('BAD_EXPRESSION', `${name}: unrecognized time zone identifier "${tz}"`)
  }
  return {
    offsetAt(ms) {
      if (!Number.isFinite(ms)) return 0
      const parts: Record<string, string> = {}
      for (const p of format.formatToParts(new Date(ms))) parts[p.type] = p.value
      let year = Number(parts.year)
      if (parts.era === 'BC' || parts.era === 'B') year = 1 - year
      const wall = Date.UTC(
        year,
        Number(parts.month) - 1,
        Number(parts.day),
        Number(parts.hour),
        Number(parts.minute),
        Number(parts.second)
      )
      const d = new Date(wall)
      if (year >= 0 && year < 100) d.setUTCFullYear(year)
      return d.getTime() - (ms - (((ms % 1000) + 1000) % 1000))
    },
  }
}

/** The instant whose wall time in `zone` is `local` (ms since epoch read as UTC fields). */
export function fromLocal(local: number, zone: Zone): number {
  const first = local - zone.offsetAt(local)
  return local - zone.offsetAt(first)
}
