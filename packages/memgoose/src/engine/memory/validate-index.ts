/**
 * Checks of index specifications handed to `ensureIndex`.
 */
import { QueryError } from '../../errors/index.js'
import { valuesEqual } from '../../values/compare.js'
import { isPlainObject } from '../../values/bson.js'
import { splitPath } from '../../values/paths.js'
import type { IndexSpec } from '../contract.js'

/** Throws a coded QueryError (`BAD_INDEX`) for a malformed index spec; unsafe paths throw UNSAFE_KEY. */
export function validateIndexSpec(spec: IndexSpec): void {
  if (typeof spec !== 'object' || spec === null) throw bad('an index spec must be an object')
  if (typeof spec.name !== 'string' || spec.name.length === 0) throw bad('an index needs a name')
  if (!Array.isArray(spec.key) || spec.key.length === 0) {
    throw bad(`index "${spec.name}" needs at least one key field`)
  }
  for (const field of spec.key) {
    if (!Array.isArray(field) || typeof field[0] !== 'string' || field[0].length === 0) {
      throw bad(`index "${spec.name}" has a malformed key field`)
    }
    if (field[1] !== 1 && field[1] !== -1) {
      throw bad(`index "${spec.name}": the direction of "${field[0]}" must be 1 or -1`)
    }
    splitPath(field[0])
  }
  if (spec.partialFilterExpression !== undefined && !isPlainObject(spec.partialFilterExpression)) {
    throw bad(`index "${spec.name}": partialFilterExpression must be an object`)
  }
  const ttl = spec.expireAfterSeconds
  if (ttl !== undefined && (typeof ttl !== 'number' || !(ttl >= 0))) {
    throw bad(`index "${spec.name}": expireAfterSeconds must be a number >= 0`)
  }
}

/** True when two specs define the same index (so `ensureIndex` of the second is a no-op). */
export function sameIndex(a: IndexSpec, b: IndexSpec): boolean {
  return (
    a.name === b.name &&
    a.key.length === b.key.length &&
    a.key.every(([path, dir], i) => b.key[i][0] === path && b.key[i][1] === dir) &&
    (a.unique === true) === (b.unique === true) &&
    (a.sparse === true) === (b.sparse === true) &&
    a.expireAfterSeconds === b.expireAfterSeconds &&
    valuesEqual(a.partialFilterExpression ?? null, b.partialFilterExpression ?? null)
  )
}

function bad(message: string): QueryError {
  return new QueryError('BAD_INDEX', `Invalid index: ${message}`)
}
