/**
 * The document an upsert inserts when nothing matched: the filter's equality conditions, then the
 * update applied as an insert (so `$setOnInsert` applies), as MongoDB builds it.
 */
import type { StoredDoc } from '../engine/contract.js'
import { QueryError } from '../errors/index.js'
import { isPlainObject } from '../values/bson.js'
import { cloneValue } from '../values/clone.js'
import { assertSafeKey, splitPath } from '../values/paths.js'
import { applyUpdate } from './apply.js'
import { applyReplacement } from './replacement.js'
import { assertWritableValue } from './safe-values.js'
import type { CompiledUpdate, UpdateContext } from './types.js'

const NONE = Symbol('no equality')
const hasOwn = Object.prototype.hasOwnProperty

/**
 * Builds the inserted document of an upsert. Equality conditions of `filter` (plain values, `$eq`,
 * members of `$and`, a single-clause `$or`; dot paths become nested objects) seed the document, then
 * `compiled` is applied with `isInsert: true`. A replacement keeps only the filter's `_id`. `_id`
 * comes first when present; when absent the caller generates one.
 */
export function buildUpsertDocument(
  filter: Record<string, unknown>,
  compiled: CompiledUpdate,
  ctx: UpdateContext = {}
): StoredDoc {
  const base: Record<string, unknown> = {}
  collectEqualities(filter, base, new Set())
  if (compiled.kind === 'replacement') {
    const seed = hasOwn.call(base, '_id') ? { _id: base._id } : {}
    return applyReplacement(seed as StoredDoc, compiled.replacement).doc
  }
  const { doc } = applyUpdate(base as StoredDoc, compiled, { ...ctx, isInsert: true })
  return idFirst(doc)
}

/** `created` holds the objects built for dot paths; objects copied from the filter are whole values. */
function collectEqualities(
  filter: Record<string, unknown>,
  into: Record<string, unknown>,
  created: Set<object>
): void {
  if (!isPlainObject(filter)) throw new QueryError('BAD_FILTER', 'A filter must be an object')
  for (const key of Object.keys(filter)) {
    assertSafeKey(key, 'a filter')
    const value = filter[key]
    if (key === '$and' || key === '$or') {
      const clauses = Array.isArray(value) ? value : []
      if (key === '$or' && clauses.length !== 1) continue
      for (const clause of clauses)
        if (isPlainObject(clause)) collectEqualities(clause, into, created)
      continue
    }
    if (key.startsWith('$')) continue
    const equal = equalityValue(value)
    if (equal !== NONE) setSeed(into, key, equal, created)
  }
}

function equalityValue(value: unknown): unknown {
  if (value instanceof RegExp) return NONE
  if (!isPlainObject(value)) return value
  const keys = Object.keys(value)
  if (keys.length === 0 || !keys[0].startsWith('$')) return value
  return hasOwn.call(value, '$eq') ? value.$eq : NONE
}

function setSeed(
  into: Record<string, unknown>,
  path: string,
  value: unknown,
  created: Set<object>
): void {
  const parts = splitPath(path)
  if (parts.some((p) => p === '' || p.startsWith('$'))) return
  assertWritableValue(value, path)
  let node = into
  for (let i = 0; i < parts.length - 1; i++) {
    const next = hasOwn.call(node, parts[i]) ? node[parts[i]] : undefined
    if (next === undefined) {
      node = node[parts[i]] = {}
      created.add(node)
    } else if (isPlainObject(next) && created.has(next)) node = next
    else throw matchedTwice(parts.slice(0, i + 1).join('.'))
  }
  const key = parts[parts.length - 1]
  if (hasOwn.call(node, key)) throw matchedTwice(path)
  node[key] = cloneValue(value)
}

function matchedTwice(path: string): QueryError {
  return new QueryError(
    'BAD_UPDATE',
    `cannot infer query fields to set, path '${path}' is matched twice`
  )
}

function idFirst(doc: StoredDoc): StoredDoc {
  if (!hasOwn.call(doc, '_id') || Object.keys(doc)[0] === '_id') return doc
  const out: Record<string, unknown> = { _id: doc._id }
  for (const key of Object.keys(doc)) if (key !== '_id') out[key] = doc[key]
  return out as StoredDoc
}
