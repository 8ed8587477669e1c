import { afterEach, describe, expect, it } from 'vitest'
import mongoose, {
  clearRegistry,
  connect,
  createDatabase,
  disconnect,
  getModel,
  MissingSchemaError,
  model,
  OverwriteModelError,
  Schema,
} from 'memgoose'

afterEach(async () => {
  clearRegistry()
  await disconnect()
})

describe('connect and the default database', () => {
  it('serves top-level models from the default database, defined before or after connect', async () => {
    const Early = model('Early', new Schema({ n: Number }))
    await connect({ storage: 'memory' })
    const Late = model('Late', new Schema({ n: Number }))
    await Early.create({ n: 1 })
    await Late.create({ n: 2 })
    expect(getModel('Early')).toBe(Early)
    expect(mongoose.model('Late')).toBe(Late)
    expect(await Early.countDocuments()).toBe(1)
    expect(mongoose.modelNames().sort()).toEqual(['Early', 'Late'])
  })

  it('throws OverwriteModelError when a name is registered with another schema', () => {
    const schema = new Schema({ a: String })
    const A = model('A', schema)
    expect(model('A', schema)).toBe(A)
    expect(() => model('A', new Schema({ b: String }))).toThrow(OverwriteModelError)
  })

  it('throws MissingSchemaError for an unknown model name', () => {
    expect(() => model('Nope')).toThrow(MissingSchemaError)
    expect(getModel('Nope')).toBeUndefined()
  })

  it('rejects model names with path separators or NUL', () => {
    for (const name of ['../evil', 'a/b', 'a\\b', 'a\u0000b', '']) {
      expect(() => model(name, new Schema({}))).toThrow(
        expect.objectContaining({ code: 'INVALID_NAME' })
      )
    }
  })

  it('fails fast on a misspelled option with the fix in the message', async () => {
    await expect(connect({ storage: 'memory', sqllite: {} } as never)).rejects.toThrow(
      'Misspelled option "sqllite" should be "sqlite"'
    )
  })

  it('disconnect() closes engines; using a model again reopens', async () => {
    await connect()
    const M = model('M', new Schema({ n: Number }))
    await M.create({ n: 1 })
    await disconnect()
    // The in-memory data went with the closed engine; the model still works on a fresh one.
    expect(await M.countDocuments()).toBe(0)
  })

  it('clearRegistry() forgets models', () => {
    model('Gone', new Schema({}))
    clearRegistry()
    expect(getModel('Gone')).toBeUndefined()
  })
})

describe('independent databases', () => {
  it('keep their own models and data', async () => {
    const a = await createDatabase()
    const b = await createDatabase()
    const schema = new Schema({ n: Number })
    const A = a.model('Item', schema)
    const B = b.model('Item', schema)
    await A.create({ n: 1 })
    expect(await A.countDocuments()).toBe(1)
    expect(await B.countDocuments()).toBe(0)
    await a.close()
    await b.close()
  })

  it('dropDatabase() removes every collection', async () => {
    const db = await createDatabase()
    const Item = db.model('Item', new Schema({ n: Number }))
    await Item.create([{ n: 1 }, { n: 2 }])
    await db.dropDatabase()
    expect(await Item.countDocuments()).toBe(0)
    await db.close()
  })

  it('puts a model on another storage with `models` overrides', async () => {
    const calls: string[] = []
    const db = await createDatabase({
      storage: 'memory',
      models: {
        Session: { storage: (collection: string) => recordingStrategy(collection, calls) },
      },
    })
    const Session = db.model('Session', new Schema({ token: String }))
    const User = db.model('User', new Schema({ name: String }))
    await Session.create({ token: 't' })
    await User.create({ name: 'u' })
    expect(calls).toEqual(['initialize:sessions', 'getAll:sessions', 'insert:sessions'])
    await db.close()
  })
})

function recordingStrategy(collection: string, calls: string[]) {
  const log = (what: string) => calls.push(`${what}:${collection}`)
  return {
    async initialize() {
      log('initialize')
    },
    async getAll() {
      log('getAll')
      return []
    },
    async insert() {
      log('insert')
    },
    async insertMany() {
      log('insertMany')
    },
    async update() {
      log('update')
    },
    async delete() {
      log('delete')
    },
    async deleteMany() {
      log('deleteMany')
    },
    async clear() {
      log('clear')
    },
  }
}
