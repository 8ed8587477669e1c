/**
 * memgoose: mongoose-style models over an embedded store. In memory by default; on disk with a backend
 * package (`memgoose-file`, `memgoose-sqlite`, `memgoose-wiredtiger`).
 *
 * `import mongoose from 'memgoose'` gives an object shaped like mongoose's default export;
 * named imports work too (`import { Schema, model, connect } from 'memgoose'`).
 */
import {
  clearRegistry,
  connect,
  createDatabase,
  disconnect,
  getDefaultDatabase,
  getModel,
  model,
  startSession,
} from './connection/connect.js'
import { Database } from './connection/database.js'
import * as errors from './errors/index.js'
import { Document } from './model/document.js'
import { Model } from './model/model.js'
import { Query } from './model/query.js'
import { ClientSession } from './model/session.js'
import { Schema, plugin } from './schema/schema.js'
import { SchemaType } from './schema/schema-type.js'
import { Types } from './schema/types.js'
import { VirtualType } from './schema/virtual.js'
import { isObjectId, ObjectId } from './values/bson.js'
import { Aggregate, installExprEvaluator } from './aggregate/index.js'

export {
  clearRegistry,
  connect,
  createDatabase,
  disconnect,
  getDefaultDatabase,
  getModel,
  model,
  startSession,
}
export {
  Database,
  Document,
  Model,
  Query,
  ClientSession,
  Schema,
  SchemaType,
  VirtualType,
  Types,
  plugin,
  Aggregate,
}
export type { DatabaseOptions, StorageOptions, StorageChoice } from './connection/options.js'
export type {
  DeleteResult,
  FilterQuery,
  HydratedDocument,
  ModelClass,
  UpdateQuery,
  UpdateResult,
} from './model/model-types.js'
export type { QueryOptions, QueryOp } from './model/query.js'
export type { SchemaOptions, SchemaDefinition, ToObjectOptions, Plugin } from './schema/schema.js'
export * from './errors/index.js'
export { StrictModeError } from './schema/cast-object.js'

// ── the storage engine contract and what backends build on ──────────────────────────────────
export type * from './engine/contract.js'
export { createMemoryEngine, memoryBackend, MemoryEngine } from './engine/memory/index.js'
export {
  StrategyEngine,
  type StorageStrategy,
  type StrategyFactory,
} from './engine/strategy-adapter.js'
export { loadBackend, isMissingPackage } from './engine/discovery.js'
export { indexKeysOf, IndexKeyer, ID_INDEX, duplicateId, atPosition } from './engine/index-keys.js'
export { toIntervals, type KeyInterval } from './engine/memory/ranges.js'
export { sortKeyOf, compareSortKeys } from './query/sort/compile.js'
export { encodeKey, encodeKeyBytes, KEY_PREFIX_END } from './values/keystring.js'
export { compareValues, valuesEqual, toNumber } from './values/compare.js'
export { typeRank, bsonTypeAlias, TypeRank } from './values/type-order.js'
export { cloneValue } from './values/clone.js'
export {
  getPath,
  splitPath,
  assertSafeKey,
  assertSafeDocument,
  isForbiddenKey,
} from './values/paths.js'
export {
  Binary,
  Decimal128,
  Long,
  MaxKey,
  MinKey,
  ObjectId,
  UUID,
  isObjectId,
  isDecimal128,
  isBinary,
  isLong,
  isPlainObject,
} from './values/bson.js'
export {
  compileFilter,
  compileProjection,
  compileSort,
  normalizeSort,
  getValues,
  matchedArrayIndex,
} from './query/index.js'
export { applyUpdate, compileUpdate, buildUpsertDocument, isReplacement } from './update/index.js'
export { planQuery } from './planner/index.js'

// `find({ $expr })` evaluates with the aggregation engine: register it explicitly, so a bundler that
// honours `sideEffects: false` cannot drop the registration.
installExprEvaluator()

/** True for ObjectIds and 24-hex strings (mongoose's `isValidObjectId`). */
export function isValidObjectId(value: unknown): boolean {
  if (isObjectId(value)) return true
  if (typeof value === 'string') return /^[0-9a-fA-F]{24}$/.test(value)
  return false
}

/** mongoose-compatible default export. */
const memgoose = {
  connect,
  createDatabase,
  disconnect,
  model,
  getModel,
  clearRegistry,
  startSession,
  plugin,
  isValidObjectId,
  Schema,
  SchemaType,
  VirtualType,
  Document,
  Model,
  Query,
  Aggregate,
  Types,
  ObjectId,
  Error: errors,
  get connection(): Database {
    return getDefaultDatabase()
  },
  get models(): Record<string, unknown> {
    const db = getDefaultDatabase()
    return Object.fromEntries(db.modelNames().map((n) => [n, db.getModel(n)]))
  },
  modelNames(): string[] {
    return getDefaultDatabase().modelNames()
  },
  deleteModel(name: string | RegExp) {
    return getDefaultDatabase().deleteModel(name)
  },
}

export default memgoose
