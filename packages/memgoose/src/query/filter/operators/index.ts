/**
 * The registry of field-level query operators. `$not`, `$options` and the document-level operators
 * are handled by the compiler itself.
 */
import type { OperatorCompiler } from '../types.js'
import { $all, $elemMatch, $size } from './array.js'
import { $eq, $gt, $gte, $lt, $lte, $ne } from './comparison.js'
import { $exists, $type } from './element.js'
import { $mod } from './evaluation.js'
import { $in, $nin } from './membership.js'
import { $regex } from './regex.js'

/** Field-level operators by name. */
export const FIELD_OPERATORS: ReadonlyMap<string, OperatorCompiler> = new Map<
  string,
  OperatorCompiler
>([
  ['$eq', $eq],
  ['$ne', $ne],
  ['$gt', $gt],
  ['$gte', $gte],
  ['$lt', $lt],
  ['$lte', $lte],
  ['$in', $in],
  ['$nin', $nin],
  ['$exists', $exists],
  ['$type', $type],
  ['$regex', $regex],
  ['$mod', $mod],
  ['$size', $size],
  ['$all', $all],
  ['$elemMatch', $elemMatch],
])

/** Real MongoDB field operators memgoose does not implement (geo, bitwise, schema). */
export const UNSUPPORTED_FIELD_OPERATORS: ReadonlySet<string> = new Set([
  '$near',
  '$nearSphere',
  '$geoWithin',
  '$geoIntersects',
  '$within',
  '$box',
  '$center',
  '$centerSphere',
  '$polygon',
  '$maxDistance',
  '$minDistance',
  '$geometry',
  '$bitsAllSet',
  '$bitsAllClear',
  '$bitsAnySet',
  '$bitsAnyClear',
  '$jsonSchema',
])
