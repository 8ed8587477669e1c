import { describe, expect, it } from 'vitest'
import { ObjectId } from '../../../src/values/bson.js'
import { evaluate } from './evaluate.js'

// Sunday 2023-01-01 is ISO week 52 of 2022; 2024-02-29 is a leap day.
const d = new Date('2024-02-29T23:45:06.789Z')
const sunday = new Date('2023-01-01T10:00:00Z')

describe('date part expressions', () => {
  it('reads calendar fields in UTC', () => {
    expect(evaluate({ $year: d })).toBe(2024)
    expect(evaluate({ $month: d })).toBe(2)
    expect(evaluate({ $dayOfMonth: d })).toBe(29)
    expect(evaluate({ $dayOfYear: d })).toBe(60)
    expect(evaluate({ $dayOfWeek: d })).toBe(5)
    expect(evaluate({ $hour: d })).toBe(23)
    expect(evaluate({ $minute: d })).toBe(45)
    expect(evaluate({ $second: d })).toBe(6)
    expect(evaluate({ $millisecond: d })).toBe(789)
    expect(evaluate({ $year: '$missing' })).toBeNull()
    expect(() => evaluate({ $year: 'x' })).toThrow(
      expect.objectContaining({ code: 'TYPE_MISMATCH' })
    )
  })

  it('computes Sunday weeks and ISO weeks', () => {
    expect(evaluate({ $week: sunday })).toBe(1)
    expect(evaluate({ $week: new Date('2022-01-01T00:00:00Z') })).toBe(0)
    expect(evaluate({ $isoWeek: sunday })).toBe(52)
    expect(evaluate({ $isoWeekYear: sunday })).toBe(2022)
    expect(evaluate({ $isoDayOfWeek: sunday })).toBe(7)
  })

  it('applies Olson time zones and fixed offsets', () => {
    expect(evaluate({ $hour: { date: d, timezone: 'Europe/Paris' } })).toBe(0)
    expect(evaluate({ $dayOfMonth: { date: d, timezone: 'Europe/Paris' } })).toBe(1)
    expect(evaluate({ $hour: { date: d, timezone: '-05:30' } })).toBe(18)
    expect(
      evaluate({ $hour: { date: new Date('2024-07-01T12:00:00Z'), timezone: 'America/New_York' } })
    ).toBe(8)
    expect(() => evaluate({ $hour: { date: d, timezone: 'Mars/Base' } })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })

  it('accepts ObjectIds as dates', () => {
    const id = ObjectId.createFromTime(1_700_000_000)
    expect(evaluate({ $year: id })).toBe(2023)
  })
})

describe('$dateToString', () => {
  it('formats every specifier', () => {
    expect(evaluate({ $dateToString: { date: d } })).toBe('2024-02-29T23:45:06.789Z')
    expect(
      evaluate({ $dateToString: { date: d, format: '%Y/%m/%d %H:%M:%S.%L %j %w %u %U %G-W%V %%' } })
    ).toBe('2024/02/29 23:45:06.789 060 5 4 08 2024-W09 %')
    expect(
      evaluate({ $dateToString: { date: d, format: '%H:%M %z %Z', timezone: 'Asia/Kolkata' } })
    ).toBe('05:15 +0530 +330')
    expect(evaluate({ $dateToString: { date: d, format: '%d %z', timezone: '-03:00' } })).toBe(
      '29 -0300'
    )
  })

  it('uses onNull for a missing date and rejects unknown specifiers', () => {
    expect(evaluate({ $dateToString: { date: '$missing', onNull: 'none' } })).toBe('none')
    expect(evaluate({ $dateToString: { date: null } })).toBeNull()
    expect(() => evaluate({ $dateToString: { date: d, format: '%Q' } })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })
})

describe('$dateFromString / $dateFromParts / $dateToParts', () => {
  it('parses ISO strings and formats, in a time zone', () => {
    expect(evaluate({ $dateFromString: { dateString: '2017-02-08T12:10:40.787Z' } })).toEqual(
      new Date('2017-02-08T12:10:40.787Z')
    )
    expect(
      evaluate({ $dateFromString: { dateString: '2017-02-08', timezone: 'America/New_York' } })
    ).toEqual(new Date('2017-02-08T05:00:00Z'))
    expect(evaluate({ $dateFromString: { dateString: '2017-02-08T12:10:40+02:00' } })).toEqual(
      new Date('2017-02-08T10:10:40Z')
    )
    expect(
      evaluate({ $dateFromString: { dateString: '08/02/2017 10h', format: '%d/%m/%Y %Hh' } })
    ).toEqual(new Date('2017-02-08T10:00:00Z'))
    expect(evaluate({ $dateFromString: { dateString: 'nope', onError: 'bad' } })).toBe('bad')
    expect(evaluate({ $dateFromString: { dateString: null, onNull: 0 } })).toBe(0)
    expect(() => evaluate({ $dateFromString: { dateString: '2017-02-30' } })).toThrow(
      expect.objectContaining({ code: 'CONVERSION_FAILURE' })
    )
  })

  it('builds dates from parts, carrying overflow, and from ISO week parts', () => {
    expect(evaluate({ $dateFromParts: { year: 2020, month: 14, day: 1 } })).toEqual(
      new Date('2021-02-01T00:00:00Z')
    )
    expect(evaluate({ $dateFromParts: { year: 2020, month: 3, day: 0, hour: 25 } })).toEqual(
      new Date('2020-03-01T01:00:00Z')
    )
    expect(
      evaluate({ $dateFromParts: { isoWeekYear: 2022, isoWeek: 52, isoDayOfWeek: 7 } })
    ).toEqual(new Date('2023-01-01T00:00:00Z'))
    expect(evaluate({ $dateFromParts: { year: 2020, timezone: '+01:00' } })).toEqual(
      new Date('2019-12-31T23:00:00Z')
    )
    expect(evaluate({ $dateFromParts: { year: '$missing' } })).toBeNull()
  })

  it('splits dates into parts', () => {
    expect(evaluate({ $dateToParts: { date: d, timezone: 'Europe/Paris' } })).toEqual({
      year: 2024,
      month: 3,
      day: 1,
      hour: 0,
      minute: 45,
      second: 6,
      millisecond: 789,
    })
    expect(evaluate({ $dateToParts: { date: sunday, iso8601: true } })).toEqual({
      isoWeekYear: 2022,
      isoWeek: 52,
      isoDayOfWeek: 7,
      hour: 10,
      minute: 0,
      second: 0,
      millisecond: 0,
    })
  })
})

describe('$dateAdd / $dateSubtract / $dateDiff / $dateTrunc', () => {
  it('adds calendar units, clamping month ends', () => {
    const jan31 = new Date('2021-01-31T10:00:00Z')
    expect(evaluate({ $dateAdd: { startDate: jan31, unit: 'month', amount: 1 } })).toEqual(
      new Date('2021-02-28T10:00:00Z')
    )
    expect(evaluate({ $dateAdd: { startDate: jan31, unit: 'quarter', amount: 1 } })).toEqual(
      new Date('2021-04-30T10:00:00Z')
    )
    expect(evaluate({ $dateAdd: { startDate: jan31, unit: 'hour', amount: 3 } })).toEqual(
      new Date('2021-01-31T13:00:00Z')
    )
    expect(evaluate({ $dateSubtract: { startDate: jan31, unit: 'week', amount: 1 } })).toEqual(
      new Date('2021-01-24T10:00:00Z')
    )
    expect(evaluate({ $dateAdd: { startDate: null, unit: 'day', amount: 1 } })).toBeNull()
  })

  it('keeps local wall time across DST when adding days in a zone', () => {
    const before = new Date('2021-03-13T17:00:00Z')
    expect(
      evaluate({
        $dateAdd: { startDate: before, unit: 'day', amount: 1, timezone: 'America/New_York' },
      })
    ).toEqual(new Date('2021-03-14T16:00:00Z'))
  })

  it('counts unit boundaries crossed', () => {
    const a = new Date('2020-12-31T23:00:00Z')
    const b = new Date('2021-01-01T01:00:00Z')
    expect(evaluate({ $dateDiff: { startDate: a, endDate: b, unit: 'year' } })).toBe(1)
    expect(evaluate({ $dateDiff: { startDate: a, endDate: b, unit: 'day' } })).toBe(1)
    expect(evaluate({ $dateDiff: { startDate: a, endDate: b, unit: 'hour' } })).toBe(2)
    expect(
      evaluate({ $dateDiff: { startDate: a, endDate: b, unit: 'day', timezone: '+05:00' } })
    ).toBe(0)
    expect(evaluate({ $dateDiff: { startDate: b, endDate: a, unit: 'month' } })).toBe(-1)
    expect(
      evaluate({
        $dateDiff: {
          startDate: new Date('2024-01-06T00:00:00Z'),
          endDate: new Date('2024-01-07T00:00:00Z'),
          unit: 'week',
        },
      })
    ).toBe(1)
    expect(
      evaluate({
        $dateDiff: {
          startDate: new Date('2024-01-06T00:00:00Z'),
          endDate: new Date('2024-01-07T00:00:00Z'),
          unit: 'week',
          startOfWeek: 'monday',
        },
      })
    ).toBe(0)
    expect(() => evaluate({ $dateDiff: { startDate: a, endDate: b, unit: 'fortnight' } })).toThrow(
      expect.objectContaining({ code: 'BAD_EXPRESSION' })
    )
  })

  it('truncates to bins counted from 2000-01-01', () => {
    const t = new Date('2021-05-17T13:47:12.345Z')
    expect(evaluate({ $dateTrunc: { date: t, unit: 'hour' } })).toEqual(
      new Date('2021-05-17T13:00:00Z')
    )
    expect(evaluate({ $dateTrunc: { date: t, unit: 'minute', binSize: 15 } })).toEqual(
      new Date('2021-05-17T13:45:00Z')
    )
    expect(evaluate({ $dateTrunc: { date: t, unit: 'month', binSize: 6 } })).toEqual(
      new Date('2021-01-01T00:00:00Z')
    )
    expect(evaluate({ $dateTrunc: { date: t, unit: 'year', binSize: 5 } })).toEqual(
      new Date('2020-01-01T00:00:00Z')
    )
    expect(evaluate({ $dateTrunc: { date: t, unit: 'week' } })).toEqual(
      new Date('2021-05-16T00:00:00Z')
    )
    expect(evaluate({ $dateTrunc: { date: t, unit: 'week', startOfWeek: 'mon' } })).toEqual(
      new Date('2021-05-17T00:00:00Z')
    )
    expect(evaluate({ $dateTrunc: { date: t, unit: 'day', timezone: 'Asia/Tokyo' } })).toEqual(
      new Date('2021-05-16T15:00:00Z')
    )
  })
})

describe('$dateToString with a computed format', () => {
  it('reads the format from the document', () => {
    const d = new Date('2024-02-29T23:45:06.789Z')
    expect(evaluate({ $dateToString: { date: '$d', format: '$f' } }, { d, f: '%d/%m' })).toBe(
      '29/02'
    )
    expect(evaluate({ $dateToString: { date: '$d', format: '$missing' } }, { d })).toBeNull()
  })
})
