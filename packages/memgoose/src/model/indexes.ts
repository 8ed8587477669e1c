/**
 * Index declarations of a schema as engine IndexSpecs, with MongoDB's generated names
 * (`email_1`, `city_1_age_-1`), and the mongoose-shaped listing of an engine's indexes.
 */
import type { IndexInfo, IndexSpec } from '../engine/contract.js'
import type { Schema } from '../schema/schema.js'

/** MongoDB's default index name for a key pattern. */
export function indexName(key: Record<string, 1 | -1>): string {
  return Object.entries(key)
    .map(([k, v]) => `${k}_${v}`)
    .join('_')
}

/** The IndexSpecs a schema declares. */
export function schemaIndexSpecs(schema: Schema): IndexSpec[] {
  return schema.indexes().map(([key, options]) => {
    const spec: IndexSpec = {
      name: typeof options.name === 'string' ? options.name : indexName(key),
      key: Object.entries(key).map(([path, dir]) => [path, dir] as const),
      ...(options.unique ? { unique: true } : {}),
      ...(options.sparse ? { sparse: true } : {}),
      ...(options.partialFilterExpression
        ? { partialFilterExpression: options.partialFilterExpression as Record<string, unknown> }
        : {}),
      ...(options.expireAfterSeconds !== undefined || options.expires !== undefined
        ? { expireAfterSeconds: Number(options.expireAfterSeconds ?? options.expires) }
        : {}),
    }
    return spec
  })
}

/** An engine's index as mongoose's `listIndexes()` reports it. */
export function describeIndex(info: IndexInfo): Record<string, unknown> {
  const out: Record<string, unknown> = { v: 2, key: Object.fromEntries(info.key), name: info.name }
  if (info.unique) out.unique = true
  if (info.sparse) out.sparse = true
  if (info.partialFilterExpression) out.partialFilterExpression = info.partialFilterExpression
  if (info.expireAfterSeconds !== undefined) out.expireAfterSeconds = info.expireAfterSeconds
  return out
}
