/**
 * The README's quick start: define a model, write, query, update, aggregate — all in memory.
 *
 * Run: npx tsx examples/quick-start.ts
 */
import mongoose, { Schema } from 'memgoose'

await mongoose.connect() // in memory; pass { storage: 'sqlite', sqlite: { dataPath } } to persist

const userSchema = new Schema(
  {
    name: { type: String, required: true },
    email: { type: String, required: true, unique: true, lowercase: true },
    age: { type: Number, min: 0 },
    city: { type: String, index: true },
  },
  { timestamps: true }
)
userSchema.virtual('label').get(function (this: { name: string; city: string }) {
  return `${this.name} (${this.city})`
})
const User = mongoose.model('User', userSchema)

await User.insertMany([
  { name: 'Ada', email: 'ADA@example.com', age: 36, city: 'London' },
  { name: 'Grace', email: 'grace@example.com', age: 45, city: 'New York' },
  { name: 'Linus', email: 'linus@example.com', age: 28, city: 'Helsinki' },
])

const ada = await User.findOne({ email: 'ada@example.com' })
console.log('found', ada.label)

await User.updateOne({ name: 'Linus' }, { $inc: { age: 1 } })
const young = await User.find({ age: { $lt: 40 } })
  .sort('age')
  .select('name age')
  .lean()
console.log('under 40:', young.map((u) => `${u.name} ${u.age}`).join(', '))

const plan = await User.find({ city: 'London' }).explain()
console.log('plan:', (plan.queryPlanner as { winningPlan: { stage: string } }).winningPlan.stage)

const byCity = await User.aggregate([
  { $group: { _id: '$city', n: { $sum: 1 } } },
  { $sort: { _id: 1 } },
])
console.log('cities:', byCity.map((c: { _id: string }) => c._id).join(', '))

await mongoose.disconnect()
