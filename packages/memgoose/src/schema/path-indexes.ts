/**
 * Indexes declared on paths (`index`, `unique`, `sparse`, `expires` options), as schema index
 * declarations: `{ email: { type: String, unique: true } }` → `[{ email: 1 }, { unique: true }]`.
 */
import type { SchemaType } from './schema-type.js'

/** The index declarations of a schema's typed paths (`_id` excluded: it always has one). */
export function pathIndexes(
  paths: Map<string, SchemaType>
): [fields: Record<string, 1 | -1>, options: Record<string, unknown>][] {
  const out: [Record<string, 1 | -1>, Record<string, unknown>][] = []
  for (const [path, type] of paths) {
    const o = type.options
    if (path === '_id') continue
    if (o.index || o.unique || o.sparse || o.expires !== undefined) {
      const dir = o.index === -1 ? -1 : 1
      const options: Record<string, unknown> = {}
      if (o.unique) options.unique = true
      if (o.sparse) options.sparse = true
      if (o.expires !== undefined) options.expireAfterSeconds = parseExpires(o.expires)
      if (typeof o.index === 'object' && o.index !== null) Object.assign(options, o.index)
      out.push([{ [path]: dir }, options])
    }
  }
  return out
}

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31557600 }

/** `expires: 3600` or `'1h'`, `'7d'`, `'30m'` → seconds. */
function parseExpires(value: unknown): number {
  if (typeof value === 'number') return value
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w|y)?\s*$/.exec(String(value))
  if (!m) throw new TypeError(`Invalid expires value: ${String(value)}`)
  const n = Number(m[1])
  if (m[2] === 'ms') return n / 1000
  return n * (UNITS[m[2] ?? 's'] ?? 1)
}
