/**
 * Parsing and validation of projections: inclusion or exclusion (never mixed, except `_id: 0`),
 * dot paths and nested objects, `$slice`, `$elemMatch`, and the positional `field.$`. `$slice` and
 * `$elemMatch` fit either mode; alone, `$slice` keeps the other fields and `$elemMatch` does not.
 */
import { NotSupportedError, QueryError } from '../../errors/index.js'
import { toNumber } from '../../values/compare.js'
import { splitPath } from '../../values/paths.js'
import { isNumeric } from '../filter/operators/equality.js'
import { assertSafeInput } from '../filter/shape.js'
import { isTraversable } from '../filter/walk.js'

/** What a projection does to one path. */
export type ProjectionAction =
  | { readonly kind: 'include' }
  | { readonly kind: 'exclude' }
  | { readonly kind: 'slice'; readonly skip: number; readonly limit: number }
  | { readonly kind: 'elemMatch'; readonly filter: Record<string, unknown> }
  | { readonly kind: 'positional' }

/** A validated projection. */
export interface ProjectionSpec {
  /** Inclusion keeps only the listed paths (and `_id`); exclusion drops the listed ones. */
  readonly mode: 'inclusion' | 'exclusion'
  /** Whether `_id` is kept. */
  readonly includeId: boolean
  /** Actions by path, `_id` excluded; positional paths are stored without their `.$`. */
  readonly paths: ReadonlyMap<string, ProjectionAction>
}

/** Every input form compileProjection accepts. */
export type ProjectionInput =
  Record<string, unknown> | string | readonly string[] | null | undefined

function bad(message: string): QueryError {
  return new QueryError('BAD_PROJECTION', message)
}

function integer(value: unknown): number | undefined {
  const n = isNumeric(value) ? toNumber(value) : Number.NaN
  return Number.isInteger(n) ? n : undefined
}

function sliceOf(path: string, operand: unknown): ProjectionAction {
  if (Array.isArray(operand)) {
    const skip = operand.length === 2 ? integer(operand[0]) : undefined
    const limit = operand.length === 2 ? integer(operand[1]) : undefined
    if (skip === undefined || limit === undefined || limit <= 0) {
      throw bad(`$slice on "${path}" needs a number or [skip, positive limit]`)
    }
    return { kind: 'slice', skip, limit }
  }
  const n = integer(operand)
  if (n === undefined) throw bad(`$slice on "${path}" needs a number or [skip, positive limit]`)
  return n >= 0 ? { kind: 'slice', skip: 0, limit: n } : { kind: 'slice', skip: n, limit: -n }
}

function operatorAction(path: string, value: Record<string, unknown>): ProjectionAction {
  const keys = Object.keys(value)
  if (keys.length !== 1) throw bad(`The projection of "${path}" must hold exactly one operator`)
  const op = keys[0]
  switch (op) {
    case '$slice':
      return sliceOf(path, value.$slice)
    case '$elemMatch':
      if (path.includes('.')) throw bad(`$elemMatch cannot project the dotted path "${path}"`)
      if (!isTraversable(value.$elemMatch)) throw bad(`$elemMatch on "${path}" needs an object`)
      return { kind: 'elemMatch', filter: value.$elemMatch }
    case '$meta':
      throw new NotSupportedError(`$meta projections ("${path}") are not supported`)
  }
  throw new QueryError('UNKNOWN_OPERATOR', `Unknown projection operator ${op} on "${path}"`)
}

function flatten(input: Record<string, unknown>, prefix: string, into: Map<string, unknown>): void {
  for (const key of Object.keys(input)) {
    const path = prefix + key
    const value = input[key]
    if (
      isTraversable(value) &&
      Object.keys(value).length > 0 &&
      !Object.keys(value)[0].startsWith('$')
    ) {
      flatten(value, `${path}.`, into)
    } else into.set(path, value)
  }
}

function fromString(input: string | readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const tokens = typeof input === 'string' ? input.split(/\s+/) : input
  for (const token of tokens) {
    if (token.length === 0) continue
    if (token[0] === '-') out[token.slice(1)] = 0
    else out[token[0] === '+' ? token.slice(1) : token] = 1
  }
  return out
}

/**
 * Validates a projection and returns its parsed form. Accepts objects (`{ a: 1, 'b.c': 0 }`, nested
 * `{ b: { c: 1 } }`) and mongoose's string/array forms (`'a b -_id'`). Throws QueryError
 * (`BAD_PROJECTION` for mixed modes, path collisions, bad values; `UNKNOWN_OPERATOR`),
 * NotSupportedError for `$meta`, UnsafeInputError for forbidden keys.
 */
export function validateProjection(input: ProjectionInput): ProjectionSpec {
  const raw = typeof input === 'string' || Array.isArray(input) ? fromString(input) : input
  if (raw === null || raw === undefined) {
    return { mode: 'exclusion', includeId: true, paths: new Map() }
  }
  if (!isTraversable(raw)) throw bad('A projection must be an object or a string')
  assertSafeInput(raw, 'projection')
  const flat = new Map<string, unknown>()
  flatten(raw, '', flat)
  const paths = new Map<string, ProjectionAction>()
  let includeId = true
  let idExplicit = false
  let inclusion = false
  let exclusion = false
  let elemMatch = false
  let positional = 0
  for (const [rawPath, value] of flat) {
    let action: ProjectionAction
    if (value === true || value === false || isNumeric(value)) {
      action =
        value === true || (value !== false && toNumber(value) !== 0)
          ? { kind: 'include' }
          : { kind: 'exclude' }
    } else if (isTraversable(value)) {
      action = operatorAction(rawPath, value)
    } else {
      throw bad(`Invalid projection value for "${rawPath}": use 1, 0, true, false or an operator`)
    }
    let path = rawPath
    if (rawPath.endsWith('.$')) {
      if (action.kind !== 'include') throw bad(`The positional projection "${rawPath}" must be 1`)
      path = rawPath.slice(0, -2)
      action = { kind: 'positional' }
      if (++positional > 1) throw bad('A projection may hold only one positional "$" path')
    }
    if (path.split('.').includes('$')) throw bad(`"$" must end the projected path "${rawPath}"`)
    splitPath(path)
    if (path === '_id' && (action.kind === 'include' || action.kind === 'exclude')) {
      includeId = action.kind === 'include'
      idExplicit = true
      continue
    }
    if (action.kind === 'exclude') exclusion = true
    else if (action.kind === 'include' || action.kind === 'positional') inclusion = true
    else if (action.kind === 'elemMatch') elemMatch = true
    paths.set(path, action)
  }
  if (inclusion && exclusion) {
    throw bad('A projection cannot mix inclusion and exclusion (except for _id: 0)')
  }
  assertNoCollision([...paths.keys()])
  const mode =
    inclusion || (elemMatch && !exclusion) || (idExplicit && includeId && paths.size === 0)
      ? 'inclusion'
      : 'exclusion'
  return { mode, includeId, paths }
}

function assertNoCollision(paths: string[]): void {
  const all = new Set(paths)
  for (const path of paths) {
    for (let dot = path.indexOf('.'); dot !== -1; dot = path.indexOf('.', dot + 1)) {
      const prefix = path.slice(0, dot)
      if (all.has(prefix))
        throw bad(`Path collision between "${prefix}" and "${path}" in the projection`)
    }
  }
}
