/**
 * Unit arithmetic for `$dateAdd`, `$dateDiff` and `$dateTrunc`. Units of a day or more follow the
 * wall clock of the zone (adding a day across a DST change keeps the local time); smaller units are
 * exact durations. Month arithmetic clamps to the month's last day, as MongoDB does.
 */
import { QueryError } from '../../../errors/index.js'
import { DAY, daysInMonth, localFromFields } from './calendar.js'
import { fromLocal, type Zone } from './timezone.js'

/** A time unit name. */
export type Unit =
  'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second' | 'millisecond'

const FIXED: Record<string, number> = {
  hour: 3_600_000,
  minute: 60_000,
  second: 1000,
  millisecond: 1,
}
const UNITS = new Set([
  'year',
  'quarter',
  'month',
  'week',
  'day',
  'hour',
  'minute',
  'second',
  'millisecond',
])
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']
const SHORT_WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']

/** Validates a unit argument. */
export function asUnit(name: string, value: unknown): Unit {
  if (typeof value !== 'string' || !UNITS.has(value)) {
    throw new QueryError('BAD_EXPRESSION', `${name}: unknown time unit ${String(value)}`)
  }
  return value as Unit
}

/** Validates a `startOfWeek` argument (case-insensitive day name); returns 0 = Sunday ... 6. */
export function asWeekday(name: string, value: unknown): number {
  const v = typeof value === 'string' ? value.toLowerCase() : ''
  const i = Math.max(WEEKDAYS.indexOf(v), SHORT_WEEKDAYS.indexOf(v))
  if (i < 0) throw new QueryError('BAD_EXPRESSION', `${name}: unknown startOfWeek ${String(value)}`)
  return i
}

/** `date` plus `amount` units in `zone`. */
export function addUnits(ms: number, unit: Unit, amount: number, zone: Zone): number {
  if (unit in FIXED) return ms + amount * FIXED[unit]
  const local = ms + zone.offsetAt(ms)
  if (unit === 'day' || unit === 'week')
    return fromLocal(local + amount * (unit === 'week' ? 7 : 1) * DAY, zone)
  const months = amount * (unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1)
  const d = new Date(local)
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months
  const year = Math.floor(total / 12)
  const month = total - year * 12 + 1
  const day = Math.min(d.getUTCDate(), daysInMonth(year, month))
  const next = localFromFields(
    year,
    month,
    day,
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds()
  )
  return fromLocal(next, zone)
}

function weekIndex(localDay: number, startOfWeek: number): number {
  // 1970-01-01 was a Thursday (weekday 4).
  return Math.floor((localDay + 4 - startOfWeek) / 7)
}

/** Number of `unit` boundaries crossed from `start` to `end` in `zone`. */
export function diffUnits(
  start: number,
  end: number,
  unit: Unit,
  zone: Zone,
  startOfWeek: number
): number {
  const a = start + zone.offsetAt(start)
  const b = end + zone.offsetAt(end)
  if (unit === 'millisecond') return end - start
  if (unit in FIXED) return Math.floor(b / FIXED[unit]) - Math.floor(a / FIXED[unit])
  if (unit === 'day') return Math.floor(b / DAY) - Math.floor(a / DAY)
  if (unit === 'week')
    return weekIndex(Math.floor(b / DAY), startOfWeek) - weekIndex(Math.floor(a / DAY), startOfWeek)
  const da = new Date(a)
  const db = new Date(b)
  const months =
    (db.getUTCFullYear() - da.getUTCFullYear()) * 12 + db.getUTCMonth() - da.getUTCMonth()
  if (unit === 'month') return months
  if (unit === 'year') return db.getUTCFullYear() - da.getUTCFullYear()
  return (
    Math.floor((db.getUTCFullYear() * 12 + db.getUTCMonth()) / 3) -
    Math.floor((da.getUTCFullYear() * 12 + da.getUTCMonth()) / 3)
  )
}

/** The start of the `binSize`-unit bin holding `ms`, bins counted from 2000-01-01 local time. */
export function truncUnits(
  ms: number,
  unit: Unit,
  binSize: number,
  zone: Zone,
  startOfWeek: number
): number {
  const local = ms + zone.offsetAt(ms)
  const reference = Date.UTC(2000, 0, 1)
  let out: number
  if (unit in FIXED || unit === 'day') {
    const size = (unit === 'day' ? DAY : FIXED[unit]) * binSize
    out = reference + Math.floor((local - reference) / size) * size
  } else if (unit === 'week') {
    // The first `startOfWeek` day on or after 2000-01-01 (a Saturday, weekday 6).
    const firstWeek = reference + ((startOfWeek - 6 + 7) % 7) * DAY
    const size = 7 * DAY * binSize
    out = firstWeek + Math.floor((local - firstWeek) / size) * size
  } else {
    const d = new Date(local)
    const step = binSize * (unit === 'year' ? 12 : unit === 'quarter' ? 3 : 1)
    const months = (d.getUTCFullYear() - 2000) * 12 + d.getUTCMonth()
    const binned = Math.floor(months / step) * step
    out = localFromFields(2000 + Math.floor(binned / 12), (((binned % 12) + 12) % 12) + 1, 1)
  }
  return fromLocal(out, zone)
}
