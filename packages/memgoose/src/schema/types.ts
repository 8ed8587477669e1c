/**
 * `Schema.Types.*` and `Types.*`: the names users put in definitions. The schema reads types by name,
 * so bson's classes (ObjectId, Decimal128, UUID) double as schema types, as in mongoose.
 */
import { Decimal128, ObjectId, UUID } from '../values/bson.js'

/** Marker for "any value" paths (`Schema.Types.Mixed`). */
export function Mixed(): void {}

/** The classes referenced as `Schema.Types.X` in definitions. */
export const SchemaTypes = {
  String,
  Number,
  Boolean,
  Date,
  Buffer,
  ObjectId,
  Mixed,
  Array,
  Map,
  Decimal128,
  UUID,
  BigInt,
  Subdocument: Object,
  DocumentArray: Array,
} as const

/** Value classes users construct (`new Types.ObjectId()`), as `mongoose.Types`. */
export const Types = { ObjectId, Decimal128, UUID, Buffer, Map }
