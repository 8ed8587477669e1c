/**
 * `arrayFilters` for `$[<identifier>]`: each filter names one identifier (`{ 'x.qty': { $gt: 5 } }`)
 * and is compiled once per filters array (cached, so `updateMany` compiles them once, not per document).
 */
import { QueryError } from '../errors/index.js'
import { compileFilter } from '../query/index.js'
import { isPlainObject } from '../values/bson.js'

/** Predicate over one array element, by identifier. */
export type ArrayFilterMap = ReadonlyMap<string, (element: unknown) => boolean>

const LOGICAL = new Set(['$and', '$or', '$nor'])
const cache = new WeakMap<object, ArrayFilterMap>()
const EMPTY: ArrayFilterMap = new Map()

/**
 * Compiles `filters` and checks them against the identifiers the update uses: every identifier needs
 * a filter and every filter must be used, as MongoDB requires.
 */
export function resolveArrayFilters(
  filters: readonly Record<string, unknown>[] | undefined,
  identifiers: ReadonlySet<string>
): ArrayFilterMap {
  let compiled = filters === undefined ? EMPTY : cache.get(filters)
  if (compiled === undefined) {
    compiled = compileAll(filters as readonly Record<string, unknown>[])
    cache.set(filters as object, compiled)
  }
  for (const id of identifiers) {
    if (!compiled.has(id)) {
      throw new QueryError('BAD_UPDATE', `No array filter found for identifier '${id}' in path`)
    }
  }
  for (const id of compiled.keys()) {
    if (!identifiers.has(id)) {
      throw new QueryError(
        'BAD_UPDATE',
        `The array filter for identifier '${id}' was not used in the update`
      )
    }
  }
  return compiled
}

function compileAll(filters: readonly Record<string, unknown>[]): ArrayFilterMap {
  if (!Array.isArray(filters)) {
    throw new QueryError('BAD_UPDATE', 'arrayFilters must be an array of filter documents')
  }
  const out = new Map<string, (element: unknown) => boolean>()
  for (const filter of filters) {
    if (!isPlainObject(filter)) {
      throw new QueryError('BAD_UPDATE', 'Each array filter must be an object')
    }
    const ids = new Set<string>()
    collectIdentifiers(filter, ids)
    if (ids.size !== 1) {
      throw new QueryError(
        'BAD_UPDATE',
        `Error parsing array filter :: caused by :: Expected a single top-level field name, found ${
          ids.size === 0 ? 'none' : [...ids].map((i) => `'${i}'`).join(' and ')
        }`
      )
    }
    const [id] = ids
    if (out.has(id)) {
      throw new QueryError(
        'BAD_UPDATE',
        `Found multiple array filters with the same top-level field name ${id}`
      )
    }
    const match = compileFilter(filter)
    out.set(id, (element) => match({ [id]: element }))
  }
  return out
}

function collectIdentifiers(filter: Record<string, unknown>, ids: Set<string>): void {
  for (const key of Object.keys(filter)) {
    if (LOGICAL.has(key)) {
      const clauses = filter[key]
      if (Array.isArray(clauses)) {
        for (const c of clauses) if (isPlainObject(c)) collectIdentifiers(c, ids)
      }
      continue
    }
    if (key.startsWith('$')) continue
    const dot = key.indexOf('.')
    ids.add(dot === -1 ? key : key.slice(0, dot))
  }
}
