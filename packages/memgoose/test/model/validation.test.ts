import { describe, expect, it } from 'vitest'
import { Schema, ValidationError, ValidatorError } from 'memgoose'
import { useTestDatabase } from '../helpers/test-database.js'

const ctx = useTestDatabase()

function errorsOf(err: unknown): Record<string, ValidatorError> {
  expect(err).toBeInstanceOf(ValidationError)
  return (err as ValidationError).errors as Record<string, ValidatorError>
}

describe('built-in validators', () => {
  const schema = () =>
    new Schema({
      name: { type: String, required: true, minlength: 3, maxLength: 5 },
      nick: { type: String, minLength: 2, maxlength: 4 },
      age: { type: Number, min: 18, max: 150 },
      color: { type: String, enum: ['red', 'green'] },
      email: { type: String, match: /^\S+@\S+$/ },
      at: { type: Date, min: new Date('2000-01-01'), max: new Date('2030-01-01') },
      level: { type: Number, enum: [1, 2, 3] },
    })

  it('each built-in validator fails with mongoose’s kind and message', () => {
    const M = ctx.db.model('V', schema())
    const doc = new M({
      name: 'ab',
      nick: 'abcdef',
      age: 5,
      color: 'blue',
      email: 'nope',
      at: new Date('1999-01-01'),
      level: 9,
    })
    const e = errorsOf(doc.validateSync())
    expect(e.name.kind).toBe('minlength')
    expect(e.name.message).toBe(
      'Path `name` (`ab`) is shorter than the minimum allowed length (3).'
    )
    expect(e.nick.kind).toBe('maxlength')
    expect(e.nick.message).toBe(
      'Path `nick` (`abcdef`) is longer than the maximum allowed length (4).'
    )
    expect(e.age.kind).toBe('min')
    expect(e.age.message).toBe('Path `age` (5) is less than minimum allowed value (18).')
    expect(e.color.kind).toBe('enum')
    expect(e.color.message).toBe('`blue` is not a valid enum value for path `color`.')
    expect(e.email.kind).toBe('regexp')
    expect(e.email.message).toBe('Path `email` is invalid (nope).')
    expect(e.at.kind).toBe('min')
    expect(e.level.kind).toBe('enum')
    expect(e.age).toBeInstanceOf(ValidatorError)
    expect(e.age.path).toBe('age')
    expect(e.age.value).toBe(5)
  })

  it('max, maxlength (and the maxLength spelling) and Date max', () => {
    const M = ctx.db.model('V', schema())
    const e = errorsOf(
      new M({ name: 'abcdefg', age: 200, at: new Date('2040-01-01') }).validateSync()
    )
    expect(e.name.kind).toBe('maxlength')
    expect(e.age.message).toBe('Path `age` (200) is more than maximum allowed value (150).')
    expect(e.at.kind).toBe('max')
  })

  it('required: missing, null and empty string fail; 0 and false pass', () => {
    const M = ctx.db.model(
      'R',
      new Schema({
        s: { type: String, required: true },
        n: { type: Number, required: true },
        b: { type: Boolean, required: true },
      })
    )
    const e = errorsOf(new M({ s: '', n: null }).validateSync())
    expect(Object.keys(e).sort()).toEqual(['b', 'n', 's'])
    expect(e.s.message).toBe('Path `s` is required.')
    expect(e.s.kind).toBe('required')
    expect(new M({ s: 'x', n: 0, b: false }).validateSync()).toBeUndefined()
  })

  it('required as a function runs with the document as `this`', () => {
    const M = ctx.db.model(
      'RF',
      new Schema({
        kind: String,
        isbn: {
          type: String,
          required: function (this: { kind: string }) {
            return this.kind === 'book'
          },
        },
      })
    )
    expect(new M({ kind: 'film' }).validateSync()).toBeUndefined()
    expect(errorsOf(new M({ kind: 'book' }).validateSync()).isbn.kind).toBe('required')
  })

  it('custom messages: [value, message] and { value, message } forms with templates', () => {
    const M = ctx.db.model(
      'CM',
      new Schema({
        age: { type: Number, min: [18, 'Too young: {VALUE} < {MIN} at {PATH}'] },
        name: { type: String, required: [true, 'Name please'] },
        role: { type: String, enum: { values: ['a', 'b'], message: '{VALUE} is not a role' } },
      })
    )
    const e = errorsOf(new M({ age: 3, role: 'z' }).validateSync())
    expect(e.age.message).toBe('Too young: 3 < 18 at age')
    expect(e.name.message).toBe('Name please')
    expect(e.role.message).toBe('z is not a role')
  })

  it('ValidationError has mongoose’s name and message format', async () => {
    const M = ctx.db.model(
      'User',
      new Schema({ name: { type: String, required: true }, age: { type: Number, min: 1 } })
    )
    const err = (await new M({ age: 0 }).save().catch((e: unknown) => e)) as ValidationError
    expect(err.name).toBe('ValidationError')
    expect(err.message).toBe(
      'User validation failed: name: Path `name` is required., age: Path `age` (0) is less than minimum allowed value (1).'
    )
    expect(Object.keys(err.errors)).toEqual(['name', 'age'])
  })
})

describe('custom validators', () => {
  it('sync function, { validator, message } and message functions', () => {
    const M = ctx.db.model(
      'C',
      new Schema({
        even: { type: Number, validate: (v: number) => v % 2 === 0 },
        pos: {
          type: Number,
          validate: {
            validator: (v: number) => v > 0,
            message: (p: any) => `${p.value} is not positive (${p.path})`,
          },
        },
      })
    )
    const e = errorsOf(new M({ even: 3, pos: -1 }).validateSync())
    expect(e.even.kind).toBe('user defined')
    expect(e.even.message).toBe('Validator failed for path `even` with value `3`')
    expect(e.pos.message).toBe('-1 is not positive (pos)')
  })

  it('array of validators: the first failing one is reported', () => {
    const M = ctx.db.model(
      'CA',
      new Schema({
        code: {
          type: String,
          validate: [
            { validator: (v: string) => v.length === 3, message: 'three chars' },
            { validator: (v: string) => /^[A-Z]+$/.test(v), message: 'uppercase' },
          ],
        },
      })
    )
    expect(errorsOf(new M({ code: 'ab' }).validateSync()).code.message).toBe('three chars')
    expect(errorsOf(new M({ code: 'abc' }).validateSync()).code.message).toBe('uppercase')
    expect(new M({ code: 'ABC' }).validateSync()).toBeUndefined()
  })

  it('async validators run on validate()/save() and are skipped by validateSync()', async () => {
    const M = ctx.db.model(
      'AV',
      new Schema({
        name: {
          type: String,
          validate: { validator: async (v: string) => v !== 'taken', message: '{VALUE} is taken' },
        },
      })
    )
    const doc = new M({ name: 'taken' })
    expect(doc.validateSync()).toBeUndefined()
    const err = await doc.validate().catch((e: unknown) => e)
    expect(errorsOf(err).name.message).toBe('taken is taken')
    await expect(doc.save()).rejects.toBeInstanceOf(ValidationError)
  })

  it('a validator that throws or rejects reports the error message', async () => {
    const M = ctx.db.model(
      'TV',
      new Schema({
        a: {
          type: String,
          validate: () => {
            throw new Error('custom failure')
          },
        },
        b: { type: String, validate: async () => Promise.reject(new Error('async failure')) },
      })
    )
    const e = errorsOf(await new M({ a: 'x', b: 'y' }).validate().catch((x: unknown) => x))
    expect(e.a.message).toBe('custom failure')
    expect(e.b.message).toBe('async failure')
  })

  it('validators see the document as `this`', async () => {
    const M = ctx.db.model(
      'TH',
      new Schema({
        min: Number,
        max: {
          type: Number,
          validate: {
            validator(this: { min: number }, v: number) {
              return v >= this.min
            },
            message: 'max below min',
          },
        },
      })
    )
    expect(errorsOf(new M({ min: 5, max: 1 }).validateSync()).max.message).toBe('max below min')
  })

  it('subdocument paths are validated with full paths', () => {
    const M = ctx.db.model(
      'SV',
      new Schema({
        items: [{ qty: { type: Number, min: 1 } }],
        addr: new Schema({ city: { type: String, required: true } }),
      })
    )
    const e = errorsOf(new M({ items: [{ qty: 1 }, { qty: 0 }], addr: {} }).validateSync())
    expect(Object.keys(e).sort()).toEqual(['addr.city', 'items.1.qty'])
  })

  it('doc.invalidate() records an error reported by validate()', async () => {
    const M = ctx.db.model('INV', new Schema({ name: String }))
    const doc = new M({ name: 'x' })
    doc.invalidate('name', 'bad name')
    const e = errorsOf(await doc.validate().catch((x: unknown) => x))
    expect(e.name.message).toBe('bad name')
  })

  it('validate(paths) only checks the given paths', async () => {
    const M = ctx.db.model(
      'VP',
      new Schema({ a: { type: String, required: true }, b: { type: String, required: true } })
    )
    const e = errorsOf(await new M({}).validate(['a']).catch((x: unknown) => x))
    expect(Object.keys(e)).toEqual(['a'])
  })
})

describe('SchemaType API', () => {
  it('schema.path(p).validate(), .required(), .get() and .set() chain', async () => {
    const schema = new Schema({ email: String, name: String })
    schema
      .path('email')!
      .validate((v: string) => v.includes('@'), '{VALUE} is not an email')
      .set((v: string) => v.trim())
    schema
      .path('name')!
      .required(true, 'Name please')
      .get((v: string) => v?.toUpperCase())
    const M = ctx.db.model('SA', schema)
    const e = errorsOf(new M({ email: ' nope ' }).validateSync())
    expect(e.email.message).toBe('nope is not an email')
    expect(e.name.message).toBe('Name please')
    expect(new M({ name: 'ann', email: 'a@b' }).name).toBe('ANN')
  })
})

describe('when validation runs', () => {
  it('save() validates; validateBeforeSave: false (option or schema) skips it', async () => {
    const M = ctx.db.model('S', new Schema({ name: { type: String, required: true } }))
    await expect(new M({}).save()).rejects.toBeInstanceOf(ValidationError)
    await new M({}).save({ validateBeforeSave: false })
    const N = ctx.db.model(
      'S2',
      new Schema({ name: { type: String, required: true } }, { validateBeforeSave: false })
    )
    await new N({}).save()
    expect(await M.countDocuments()).toBe(1)
    expect(await N.countDocuments()).toBe(1)
  })

  it('a loaded document only re-validates modified and required paths', async () => {
    const M = ctx.db.model('L', new Schema({ age: { type: Number, min: 10 }, name: String }))
    const doc = await M.create({ age: 20, name: 'a' })
    await M.updateOne({ _id: doc._id }, { $set: { age: 1 } })
    const loaded = await M.findById(doc._id)
    loaded.name = 'b'
    await loaded.save()
    loaded.age = 2
    await expect(loaded.save()).rejects.toBeInstanceOf(ValidationError)
  })

  it('Model.validate validates a plain object', async () => {
    const M = ctx.db.model('MV', new Schema({ n: { type: Number, max: 3 } }))
    await expect(M.validate({ n: 2 })).resolves.toBeUndefined()
    await expect(M.validate({ n: 9 })).rejects.toBeInstanceOf(ValidationError)
  })

  it('create() and insertMany() validate', async () => {
    const M = ctx.db.model('CI', new Schema({ n: { type: Number, required: true } }))
    await expect(M.create({})).rejects.toBeInstanceOf(ValidationError)
    await expect(M.insertMany([{ n: 1 }, {}])).rejects.toBeInstanceOf(ValidationError)
    expect(await M.countDocuments()).toBe(0)
  })
})

describe('update validators (runValidators)', () => {
  const schema = () =>
    new Schema({
      name: { type: String, required: true },
      age: { type: Number, min: 0, max: 120 },
      color: { type: String, enum: ['red'] },
    })

  it('are off by default, as in mongoose', async () => {
    const M = ctx.db.model('U', schema())
    const doc = await M.create({ name: 'a', age: 1 })
    await M.updateOne({ _id: doc._id }, { $set: { age: 500 } })
    expect((await M.findById(doc._id).lean())!.age).toBe(500)
  })

  it('reject invalid $set values with a ValidationError and write nothing', async () => {
    const M = ctx.db.model('U', schema())
    const doc = await M.create({ name: 'a', age: 1 })
    const err = await M.updateOne(
      { _id: doc._id },
      { $set: { age: 500, color: 'blue' } },
      { runValidators: true }
    ).catch((e: unknown) => e)
    const e = errorsOf(err)
    expect(e.age.kind).toBe('max')
    expect(e.color.kind).toBe('enum')
    await expect(
      M.findOneAndUpdate({ _id: doc._id }, { age: -1 }, { runValidators: true })
    ).rejects.toBeInstanceOf(ValidationError)
    expect((await M.findById(doc._id).lean())!.age).toBe(1)
  })

  it('$unset of a required path fails; untouched required paths are not checked', async () => {
    const M = ctx.db.model('U', schema())
    const doc = await M.create({ name: 'a', age: 1 })
    await M.updateOne({ _id: doc._id }, { $set: { age: 3 } }, { runValidators: true })
    const err = await M.updateOne(
      { _id: doc._id },
      { $unset: { name: 1 } },
      { runValidators: true }
    ).catch((e: unknown) => e)
    expect(errorsOf(err).name.kind).toBe('required')
  })

  it('custom validators run with the query as `this`', async () => {
    let self: unknown
    const M = ctx.db.model(
      'UQ',
      new Schema({
        n: {
          type: Number,
          validate(this: unknown, v: number) {
            self = this
            return v > 0
          },
        },
      })
    )
    await M.create({ n: 1 })
    await expect(M.updateMany({}, { n: -1 }, { runValidators: true })).rejects.toBeInstanceOf(
      ValidationError
    )
    expect(self).toHaveProperty('getUpdate')
  })
})
