/**
 * Calendar arithmetic on "local" timestamps: milliseconds whose UTC fields are the wall-clock fields
 * in the chosen zone. Weeks follow MongoDB: `$week`/`%U` count Sunday-started weeks from 0, the ISO
 * functions follow ISO 8601.
 */

/** Milliseconds in a day. */
export const DAY = 86_400_000

/** Day of the year, 1-based. */
export function dayOfYear(d: Date): number {
  return Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / DAY) + 1
}

/** Week of the year 0..53, weeks starting on Sunday (days before the first Sunday are week 0). */
export function sundayWeek(d: Date): number {
  return Math.floor((dayOfYear(d) - 1 + 7 - d.getUTCDay()) / 7)
}

/** ISO day of week, Monday = 1 ... Sunday = 7. */
export function isoDayOfWeek(d: Date): number {
  return d.getUTCDay() === 0 ? 7 : d.getUTCDay()
}

/** ISO week-numbering year and week 1..53. */
export function isoWeek(d: Date): { year: number; week: number } {
  const thursday = new Date(d.getTime() + (4 - isoDayOfWeek(d)) * DAY)
  const year = thursday.getUTCFullYear()
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY / 7) + 1
  return { year, week }
}

/** Local midnight of Monday of ISO week `week` of ISO year `year`, plus `day - 1` days. */
export function fromIsoWeek(year: number, week: number, day: number): number {
  const jan4 = new Date(Date.UTC(year, 0, 4))
  const week1Monday = jan4.getTime() - (isoDayOfWeek(jan4) - 1) * DAY
  return week1Monday + ((week - 1) * 7 + (day - 1)) * DAY
}

/** Number of days in the month (1-12) of the year. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Local timestamp for the given fields; carries overflow (month 13 is January next year). */
export function localFromFields(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0
): number {
  const d = new Date(Date.UTC(2000, 0, 1))
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(hour, minute, second, millisecond)
  return d.getTime()
}
