/**
 * The `timestamps` schema option: which paths hold the creation and update times.
 */
import type { Schema } from './schema.js'

/** The createdAt/updatedAt path names of a schema with timestamps, or nulls. */
export function timestampNames(schema: Schema): {
  createdAt: string | null
  updatedAt: string | null
} {
  const ts = schema.options.timestamps
  if (!ts) return { createdAt: null, updatedAt: null }
  if (ts === true) return { createdAt: 'createdAt', updatedAt: 'updatedAt' }
  const pick = (v: string | boolean | undefined, dflt: string) =>
    v === false ? null : typeof v === 'string' ? v : dflt
  return { createdAt: pick(ts.createdAt, 'createdAt'), updatedAt: pick(ts.updatedAt, 'updatedAt') }
}
