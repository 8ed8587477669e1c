import { describe, expect, it } from 'vitest'
import { CITIES, emailOf, generateOrders, generateUsers, SCORE_RANGE, userAt } from '../src/data.js'

describe('bench data generator', () => {
  it('generates the same documents for the same seed and different ones for another seed', () => {
    expect(generateUsers(200, 7)).toEqual(generateUsers(200, 7))
    expect(generateUsers(50, 7)).not.toEqual(generateUsers(50, 8))
    expect(generateOrders(100, 200, 7)).toEqual(generateOrders(100, 200, 7))
  })

  it('builds any document alone, identical to its place in the data set', () => {
    const users = generateUsers(300, 11)
    expect(userAt(123, 11)).toEqual(users[123])
    expect(emailOf(299, 11)).toBe(users[299].email)
  })

  it('gives every user a unique email', () => {
    const users = generateUsers(20_000)
    expect(new Set(users.map((u) => u.email)).size).toBe(users.length)
  })

  it('makes documents of about 300 bytes as JSON', () => {
    const users = generateUsers(5_000)
    const sizes = users.map((u) => Buffer.byteLength(JSON.stringify(u)))
    const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length
    expect(mean).toBeGreaterThan(270)
    expect(mean).toBeLessThan(330)
  })

  it('spreads users over the cities and puts ~17% of them in the range query', () => {
    const users = generateUsers(20_000)
    expect(new Set(users.map((u) => u.city))).toEqual(new Set(CITIES))
    const inRange = users.filter(
      (u) => u.profile.score >= SCORE_RANGE.min && u.profile.score < SCORE_RANGE.max
    )
    expect(inRange.length / users.length).toBeGreaterThan(0.15)
    expect(inRange.length / users.length).toBeLessThan(0.19)
  })

  it('makes orders that reference existing users', () => {
    const emails = new Set(generateUsers(500, 3).map((u) => u.email))
    for (const order of generateOrders(1_000, 500, 3))
      expect(emails.has(order.userEmail)).toBe(true)
  })
})
