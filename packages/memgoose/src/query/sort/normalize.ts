/**
 * Sort specifications in every form mongoose accepts, reduced to `[path, 1 | -1]` pairs.
 */
import { NotSupportedError, QueryError } from '../../errors/index.js'
import { splitPath } from '../../values/paths.js'
import { isTraversable } from '../filter/walk.js'

/** A sort direction: 1 ascending, -1 descending. */
export type SortDirection = 1 | -1

/** Every input form compileSort accepts. */
export type SortSpec =
  | string
  | Record<string, unknown>
  | ReadonlyMap<string, unknown>
  | readonly (readonly [string, unknown])[]
  | null
  | undefined

function directionOf(path: string, value: unknown): SortDirection {
  if (value === 1 || value === '1') return 1
  if (value === -1 || value === '-1') return -1
  if (typeof value === 'string') {
    const lower = value.toLowerCase()
    if (lower === 'asc' || lower === 'ascending') return 1
    if (lower === 'desc' || lower === 'descending') return -1
  }
  if (isTraversable(value) && '$meta' in value) {
    throw new NotSupportedError(`Sorting by { $meta } on "${path}" is not supported`)
  }
  throw new QueryError(
    'BAD_SORT',
    `Invalid sort direction for "${path}": use 1, -1, 'asc', 'desc', 'ascending' or 'descending'`
  )
}

/**
 * Normalises `{ a: 1, b: -1 }`, `'a -b'`, `[['a', 1], ['b', 'desc']]` or a Map into ordered
 * `[path, direction]` pairs. Throws QueryError('BAD_SORT') on a bad direction or a repeated path,
 * UnsafeInputError('UNSAFE_KEY') on a forbidden path component.
 */
export function normalizeSort(sort: SortSpec): [string, SortDirection][] {
  const out: [string, SortDirection][] = []
  const seen = new Set<string>()
  const add = (path: string, dir: SortDirection): void => {
    if (path.length === 0) throw new QueryError('BAD_SORT', 'A sort path cannot be empty')
    splitPath(path)
    if (seen.has(path)) throw new QueryError('BAD_SORT', `The sort path "${path}" is repeated`)
    seen.add(path)
    out.push([path, dir])
  }
  if (sort === null || sort === undefined) return out
  if (typeof sort === 'string') {
    for (const token of sort.split(/\s+/)) {
      if (token.length === 0) continue
      if (token[0] === '-') add(token.slice(1), -1)
      else add(token[0] === '+' ? token.slice(1) : token, 1)
    }
    return out
  }
  if (Array.isArray(sort)) {
    for (const pair of sort) {
      if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string') {
        throw new QueryError('BAD_SORT', 'An array sort must hold [path, direction] pairs')
      }
      add(pair[0], directionOf(pair[0], pair[1]))
    }
    return out
  }
  if (sort instanceof Map) {
    for (const [path, value] of sort) add(String(path), directionOf(String(path), value))
    return out
  }
  if (!isTraversable(sort))
    throw new QueryError('BAD_SORT', 'A sort must be an object, a string or an array')
  for (const path of Object.keys(sort)) add(path, directionOf(path, sort[path]))
  return out
}
