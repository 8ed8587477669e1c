/**
 * Filter clauses that a scan's key ranges already decide. A point lookup (`{ email: 'a@b' }` on an
 * `email` index, `{ _id: { $in: [...] } }` on `_id`) walks only the keys equal to the wanted values;
 * a document found through such a key holds the value on that path (or in an array there), which is
 * exactly what the equality matches. Re-testing it in SQL costs a JSON walk per row for nothing.
 */
import { encodeKey, isObjectId } from '../core.js'
import type { KeyRange } from '../core.js'

/**
 * `filter` without its top-level clause on `path` when every range is a single point of a
 * one-field index on `path` and every point is one of the clause's wanted values (so a document
 * with that key matches the clause). Otherwise `filter` itself.
 */
export function withoutImplied(
  filter: Record<string, unknown> | undefined,
  ranges: readonly KeyRange[] | undefined,
  path: string | undefined
): Record<string, unknown> | undefined {
  if (filter === undefined || ranges === undefined || ranges.length === 0 || path === undefined) {
    return filter
  }
  if (!Object.prototype.hasOwnProperty.call(filter, path)) return filter
  const wanted = wantedValues(filter[path])
  if (wanted === undefined) return filter
  // One wanted value (the usual findOne) is compared directly; more go through a set.
  const only = wanted.length === 1 ? encodeKey(wanted) : undefined
  const keys = new Set<string>()
  if (only === undefined) for (const value of wanted) keys.add(encodeKey([value]))
  for (const range of ranges) {
    if (!range.lowerInclusive || !range.upperInclusive) return filter
    if (range.lower.length !== 1 || range.upper.length !== 1) return filter
    const point = range.lower[0]
    if (!isPoint(point)) return filter
    const encoded = encodeKey(range.lower)
    if (range.upper !== range.lower && encodeKey(range.upper) !== encoded) return filter
    if (only === undefined ? !keys.has(encoded) : only !== encoded) return filter
  }
  const rest: Record<string, unknown> = {}
  for (const key of Object.keys(filter)) if (key !== path) rest[key] = filter[key]
  return rest
}

/** The values an equality or `$in` clause accepts, when all are points; else undefined. */
function wantedValues(value: unknown): readonly unknown[] | undefined {
  if (isPoint(value)) return [value]
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.getPrototypeOf(value) !== Object.prototype
  ) {
    return undefined
  }
  const keys = Object.keys(value)
  if (keys.length !== 1) return undefined
  const operand = (value as Record<string, unknown>)[keys[0]]
  if (keys[0] === '$eq') return isPoint(operand) ? [operand] : undefined
  if (keys[0] !== '$in' || !Array.isArray(operand) || operand.length === 0) return undefined
  return operand.every(isPoint) ? operand : undefined
}

/**
 * A value whose index key is itself and whose equality test is key equality: strings, numbers
 * (not NaN), booleans, valid Dates and ObjectIds. Not null (which also matches missing fields),
 * arrays, documents or regexes, whose matching differs from their key.
 */
function isPoint(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true
    case 'number':
      return !Number.isNaN(value)
    case 'object':
      if (value instanceof Date) return !Number.isNaN(value.getTime())
      return isObjectId(value)
    default:
      return false
  }
}
