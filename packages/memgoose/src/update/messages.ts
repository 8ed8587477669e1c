/**
 * Value formatting for error messages, close to how MongoDB prints BSON in its update errors
 * (`Cannot create field 'b' in element {a: 1}`), bounded so a huge document cannot bloat an error.
 */
import { isDecimal128, isLong, isObjectId } from '../values/bson.js'

const MAX_LENGTH = 200

/** A value as MongoDB's error messages print it, truncated to a readable length. */
export function formatValue(value: unknown): string {
  const out = format(value, 0)
  return out.length > MAX_LENGTH ? `${out.slice(0, MAX_LENGTH)}...` : out
}

/** One field as MongoDB prints a BSON element inside braces: `{a: 1}`. */
export function formatElement(field: string, value: unknown): string {
  return `{${field}: ${formatValue(value)}}`
}

/** The `_id` part of messages that name the document: `{_id: 1}`. */
export function formatId(doc: Record<string, unknown>): string {
  return formatElement('_id', doc._id)
}

function format(value: unknown, depth: number): string {
  if (value === undefined) return 'undefined'
  if (value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value !== 'object') return String(value)
  if (depth > 3) return '...'
  if (Array.isArray(value)) {
    return value.length === 0 ? '[]' : `[ ${value.map((v) => format(v, depth + 1)).join(', ')} ]`
  }
  if (value instanceof Date) return `new Date(${value.getTime()})`
  if (isObjectId(value)) return `ObjectId('${value.toHexString()}')`
  if (isDecimal128(value)) return `NumberDecimal("${value.toString()}")`
  if (isLong(value)) return `NumberLong(${value.toString()})`
  if (value instanceof RegExp) return String(value)
  const keys = Object.keys(value)
  if (keys.length === 0) return '{}'
  const parts = keys.map((k) => `${k}: ${format((value as Record<string, unknown>)[k], depth + 1)}`)
  return `{ ${parts.join(', ')} }`
}
