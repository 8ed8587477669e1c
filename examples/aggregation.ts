/**
 * Aggregation: a pipeline over orders and customers — `$match`, `$lookup`, `$unwind`, `$group`,
 * `$sort` — built with the chainable `Aggregate` builder and explained.
 *
 * Run: npx tsx examples/aggregation.ts
 */
import { createDatabase, Schema } from 'memgoose'

const db = await createDatabase()
const Customer = db.model('Customer', new Schema({ name: String, city: String }))
const Order = db.model(
  'Order',
  new Schema({
    customer: { type: Schema.Types.ObjectId, ref: 'Customer', index: true },
    total: Number,
    status: String,
  })
)

const [ada, linus, grace] = await Customer.create([
  { name: 'Ada', city: 'London' },
  { name: 'Linus', city: 'Helsinki' },
  { name: 'Grace', city: 'London' },
])
await Order.insertMany([
  { customer: ada._id, total: 120, status: 'paid' },
  { customer: ada._id, total: 80, status: 'paid' },
  { customer: linus._id, total: 50, status: 'paid' },
  { customer: grace._id, total: 200, status: 'refunded' },
  { customer: grace._id, total: 40, status: 'paid' },
])

// Revenue per city from paid orders.
const byCity = await Order.aggregate()
  .match({ status: 'paid' })
  .lookup({ from: 'customers', localField: 'customer', foreignField: '_id', as: 'customer' })
  .unwind('$customer')
  .group({ _id: '$customer.city', revenue: { $sum: '$total' }, orders: { $sum: 1 } })
  .sort({ revenue: -1 })
for (const row of byCity) console.log(`${row._id}: ${row.revenue} from ${row.orders} orders`)

// Expressions: the largest order per customer, with a computed label.
const best = await Order.aggregate([
  { $sort: { total: -1 } },
  { $group: { _id: '$customer', top: { $first: '$total' } } },
  { $lookup: { from: 'customers', localField: '_id', foreignField: '_id', as: 'c' } },
  {
    $project: {
      _id: 0,
      label: {
        $concat: [{ $arrayElemAt: ['$c.name', 0] }, ' spent up to ', { $toString: '$top' }],
      },
    },
  },
  { $sort: { label: 1 } },
])
console.log(best.map((b) => b.label).join('; '))

// The leading $match goes through the planner: explain() says which index it uses.
const plan = (await Order.aggregate([{ $match: { customer: ada._id } }]).explain()) as {
  queryPlanner: { stage: string; indexName?: string }
}
console.log(`plan: ${plan.queryPlanner.stage} ${plan.queryPlanner.indexName ?? ''}`.trim())
await db.close()
