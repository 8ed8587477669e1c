/**
 * The runner through a real database: a representative corpus of pipelines run by
 * `Model.aggregate` on the backend MEMGOOSE_TEST_STORAGE names must give what the runner gives on
 * plain arrays, with the head served by the engine's planner and `$lookup` by its indexes.
 */
import { describe, expect, it } from 'vitest'
import { Schema } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'
import { run } from './context.js'

const ctx = useTestDatabase()

const cities = ['Paris', 'Oslo', 'Lima', 'Kyiv']
const users = Array.from({ length: 120 }, (_, i) => ({
  _id: i,
  name: `u${i}`,
  city: cities[i % 4],
  age: 18 + ((i * 7) % 50),
  tags: i % 3 === 0 ? [] : ['a', 'b', 'c'].slice(0, i % 3),
  joined: new Date(Date.UTC(2020, i % 12, 1 + (i % 28))),
}))
const orders = Array.from({ length: 300 }, (_, i) => ({
  _id: 1000 + i,
  user: (i * 13) % 130,
  total: (i * 37) % 200,
}))

const corpus: Record<string, Record<string, unknown>[]> = {
  'group by city': [
    { $group: { _id: '$city', n: { $sum: 1 }, avg: { $avg: '$age' } } },
    { $sort: { _id: 1 } },
  ],
  'head match/sort/limit': [
    { $match: { age: { $gte: 30 } } },
    { $sort: { age: -1, _id: 1 } },
    { $skip: 3 },
    { $limit: 7 },
  ],
  'unwind and count tags': [
    { $unwind: '$tags' },
    { $sortByCount: '$tags' },
    { $sort: { count: -1, _id: 1 } },
  ],
  'lookup orders': [
    { $match: { city: 'Oslo' } },
    { $lookup: { from: 'orders', localField: '_id', foreignField: 'user', as: 'orders' } },
    { $project: { n: { $size: '$orders' }, spent: { $sum: '$orders.total' } } },
    { $sort: { _id: 1 } },
  ],
  'lookup pipeline': [
    { $limit: 10 },
    {
      $lookup: {
        from: 'orders',
        let: { id: '$_id' },
        pipeline: [
          { $match: { total: { $gt: 100 } } },
          { $match: { $expr: { $eq: ['$user', '$$id'] } } },
          { $project: { _id: 1 } },
        ],
        as: 'big',
      },
    },
    { $project: { big: 1 } },
  ],
  'facet and dates': [
    {
      $facet: {
        byMonth: [
          { $group: { _id: { $month: '$joined' }, n: { $sum: 1 } } },
          { $sort: { _id: 1 } },
        ],
        oldest: [
          { $sort: { age: -1, _id: 1 } },
          { $limit: 2 },
          {
            $project: { name: 1, day: { $dateToString: { date: '$joined', format: '%Y-%m-%d' } } },
          },
        ],
      },
    },
  ],
  'window ranks': [
    { $match: { city: 'Lima' } },
    {
      $setWindowFields: {
        sortBy: { age: 1, _id: 1 },
        output: {
          rank: { $rank: {} },
          running: { $sum: '$age', window: { documents: ['unbounded', 'current'] } },
        },
      },
    },
    { $project: { rank: 1, running: 1 } },
  ],
}

describe('aggregation through a database', () => {
  for (const [name, pipeline] of Object.entries(corpus)) {
    it(name, async () => {
      const loose = { strict: false, versionKey: false } as const
      const User = ctx.db.model('User', new Schema({ _id: Number }, loose), 'users')
      const Order = ctx.db.model(
        'Order',
        new Schema({ _id: Number, user: { type: Number, index: true } }, loose),
        'orders'
      )
      await Order.init()
      await User.insertMany(users)
      await Order.insertMany(orders)
      const expected = await run(users, pipeline, { orders })
      const actual = await User.aggregate(pipeline)
      expect(actual).toEqual(expected)
    })
  }
})
