/**
 * The top-level API: a default database configured by `connect()`, used by top-level `model()`,
 * plus `createDatabase()` for independent databases and `disconnect()` closing them all.
 */
import type { ModelClass } from '../model/model-types.js'
import type { ClientSession } from '../model/session.js'
import type { Schema } from '../schema/schema.js'
import { Database } from './database.js'
import type { DatabaseOptions } from './options.js'

const databases = new Set<Database>()
let defaultDb: Database | undefined

/** The default database (memory storage until connect() says otherwise). */
export function getDefaultDatabase(): Database {
  if (!defaultDb) {
    defaultDb = new Database()
    databases.add(defaultDb)
  }
  return defaultDb
}

/**
 * Configures and opens the default database. Models defined before connect() use it too.
 * `connect({ storage: 'sqlite', sqlite: { dataPath: './data' } })`.
 */
export async function connect(options: DatabaseOptions = {}): Promise<Database> {
  const db = getDefaultDatabase()
  db.configure(options)
  await db.open()
  return db
}

/** Creates an independent database with its own engine and models. */
export async function createDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const db = new Database(options)
  databases.add(db)
  await db.open()
  return db
}

/** Defines (or, with one argument, returns) a model on the default database. */
export function model<T = any>(
  name: string,
  schema?: Schema | Record<string, unknown>,
  collection?: string
): ModelClass<T> {
  return getDefaultDatabase().model<T>(name, schema, collection)
}

/** The model registered on the default database under `name`, or undefined. */
export function getModel(name: string): ModelClass | undefined {
  return getDefaultDatabase().getModel(name)
}

/** Flushes and closes every engine of every database. Models stay defined. */
export async function disconnect(): Promise<void> {
  for (const db of databases) await db.close()
  for (const db of databases) if (db !== defaultDb) databases.delete(db)
}

/** Forgets every model of the default database (for tests). */
export function clearRegistry(): void {
  getDefaultDatabase().clearRegistry()
}

/** Starts a session on the default database. */
export function startSession(): Promise<ClientSession> {
  return getDefaultDatabase().startSession()
}
