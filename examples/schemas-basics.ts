/**
 * Schemas and documents: types and casting, validation, defaults, setters/getters, virtuals,
 * timestamps and change tracking — the mongoose API, in memory.
 *
 * Run: npx tsx examples/schemas-basics.ts
 */
import mongoose, { Schema, ValidationError } from 'memgoose'

const db = await mongoose.createDatabase() // an independent in-memory database

const productSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    sku: { type: String, uppercase: true, match: /^[A-Z]{3}-\d+$/ },
    price: { type: Number, min: 0, get: (cents: number) => (cents / 100).toFixed(2) },
    tags: [String],
    stock: { type: Map, of: Number },
    status: { type: String, enum: ['draft', 'live'], default: 'draft' },
  },
  { timestamps: true, toJSON: { virtuals: true, getters: true } }
)
productSchema
  .virtual('label')
  .get((doc: { name: string; sku: string }) => `${doc.name} [${doc.sku}]`)
const Product = db.model('Product', productSchema)

// Casting: '1999' becomes a number, ' abc-1 ' is trimmed by the schema's setters.
const lamp = await Product.create({
  name: ' Lamp ',
  sku: 'lmp-1',
  price: '1999',
  stock: { oslo: 3 },
})
console.log(`created ${lamp.label} at ${lamp.price} (${lamp.status})`)

// Validation errors come back in mongoose's shape.
const bad = new Product({ sku: 'nope', price: -5 })
const err = bad.validateSync() as ValidationError
console.log(`invalid: ${Object.keys(err.errors).sort().join(', ')}`)

// Filters are cast too, and in-place changes are tracked.
const found = await Product.findOne({ price: '1999' })
found.tags.push('light')
found.stock.set('bergen', 2)
console.log(`modified: ${found.modifiedPaths().sort().join(', ')}`)
await found.save()

const json = JSON.parse(JSON.stringify(await Product.findById(lamp._id)))
console.log(`json: ${json.label} tags=${json.tags.join('|')} stock=${JSON.stringify(json.stock)}`)

await db.close()
