/**
 * Validation of each operator's argument at compile time, producing the leaf `applyUpdate` runs.
 * Errors use MongoDB's wording so messages match what mongoose users see from a server.
 */
import { QueryError } from '../errors/index.js'
import { Long, isDecimal128, isLong, isPlainObject } from '../values/bson.js'
import { splitPath } from '../values/paths.js'
import { bsonTypeAlias } from '../values/type-order.js'
import { isNumeric } from './arithmetic.js'
import { compileBit } from './bit.js'
import { decimalNegate } from './decimal.js'
import { formatElement } from './messages.js'
import { compilePull } from './pull.js'
import { assertWritableValue } from './safe-values.js'
import type { Leaf, LeafKind, PushSpec } from './types.js'

const LEAF_KINDS: Readonly<Record<string, LeafKind>> = {
  $set: 'set',
  $unset: 'unset',
  $setOnInsert: 'setOnInsert',
  $currentDate: 'currentDate',
  $inc: 'inc',
  $dec: 'inc',
  $mul: 'mul',
  $min: 'min',
  $max: 'max',
  $push: 'push',
  $addToSet: 'addToSet',
  $pop: 'pop',
  $pull: 'pull',
  $pullAll: 'pullAll',
  $bit: 'bit',
}

const PUSH_CLAUSES = new Set(['$each', '$slice', '$sort', '$position'])

/** True for the operators compiled by `compileLeaf` (every operator except `$rename`). */
export function isLeafOperator(op: string): boolean {
  return Object.prototype.hasOwnProperty.call(LEAF_KINDS, op)
}

/** Validates `value` as the argument of `op` at `path` and returns the leaf to apply. */
export function compileLeaf(op: string, path: string, field: string, value: unknown): Leaf {
  const kind = LEAF_KINDS[op]
  switch (kind) {
    case 'set':
    case 'setOnInsert':
    case 'min':
    case 'max':
      assertWritableValue(value, path)
      // The MongoDB driver sends an undefined value as null; storing undefined would lose the field.
      return makeLeaf(kind, op, path, field, value === undefined ? null : value)
    case 'unset':
      return makeLeaf(kind, op, path, field, undefined)
    case 'currentDate':
      return makeLeaf(kind, op, path, field, currentDateArg(path, value))
    case 'inc':
    case 'mul':
      if (!isNumeric(value)) {
        const verb = kind === 'inc' ? 'increment' : 'multiply'
        throw new QueryError(
          'TYPE_MISMATCH',
          `Cannot ${verb} with non-numeric argument: ${formatElement(path, value)}`
        )
      }
      return makeLeaf(kind, op, path, field, op === '$dec' ? negate(value) : value)
    case 'push':
      return makeLeaf(kind, op, path, field, undefined, { push: pushSpec(path, value) })
    case 'addToSet':
      return makeLeaf(kind, op, path, field, addToSetItems(path, value))
    case 'pop':
      if (value !== 1 && value !== -1) {
        throw new QueryError('BAD_UPDATE', `$pop expects 1 or -1, found: ${String(value)}`)
      }
      return makeLeaf(kind, op, path, field, value)
    case 'pull':
      assertWritableValue(value, path, true)
      return makeLeaf(kind, op, path, field, value, { pull: compilePull(value) })
    case 'pullAll':
      if (!Array.isArray(value)) {
        throw new QueryError(
          'BAD_UPDATE',
          `$pullAll requires an array argument but was given a ${bsonTypeAlias(value)}`
        )
      }
      assertWritableValue(value, path, true)
      return makeLeaf(kind, op, path, field, value)
    case 'bit':
      return makeLeaf(kind, op, path, field, compileBit(path, value))
    default:
      throw new QueryError('UNKNOWN_OPERATOR', `Unknown modifier: ${op}`)
  }
}

// One constructor keeps every leaf the same shape, so the apply loop stays monomorphic.
function makeLeaf(
  kind: LeafKind,
  op: string,
  path: string,
  field: string,
  arg: unknown,
  extra?: Pick<Leaf, 'push' | 'pull'>
): Leaf {
  return { kind, op, path, field, arg, push: extra?.push, pull: extra?.pull }
}

function currentDateArg(path: string, value: unknown): 'date' {
  if (typeof value === 'boolean') return 'date'
  if (isPlainObject(value) && Object.keys(value).length === 1) {
    const type = value.$type
    if (type === 'date' || type === 'timestamp') return 'date'
  }
  throw new QueryError(
    'BAD_UPDATE',
    `${formatElement(path, value)} is not valid type for $currentDate. Please use a boolean ('true') or a $type expression ({$type: 'timestamp/date'}).`
  )
}

function negate(value: unknown): unknown {
  if (typeof value === 'number' || typeof value === 'bigint') return -value
  if (isLong(value)) return Long.fromBigInt(-value.toBigInt())
  if (isDecimal128(value)) return decimalNegate(value)
  return value
}

function addToSetItems(path: string, value: unknown): readonly unknown[] {
  if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, '$each')) {
    const extra = Object.keys(value).filter((k) => k !== '$each')
    if (extra.length > 0) {
      throw new QueryError(
        'BAD_UPDATE',
        `Found unexpected fields after $each in $addToSet: ${extra.join(', ')}`
      )
    }
    const each = value.$each
    if (!Array.isArray(each)) {
      throw new QueryError(
        'BAD_UPDATE',
        `The argument to $each in $addToSet must be an array but it was of type ${bsonTypeAlias(each)}`
      )
    }
    assertWritableValue(each, path)
    return each
  }
  assertWritableValue(value, path)
  return [value]
}

function pushSpec(path: string, value: unknown): PushSpec {
  if (!isPlainObject(value) || !Object.prototype.hasOwnProperty.call(value, '$each')) {
    assertWritableValue(value, path)
    return { items: [value] }
  }
  for (const key of Object.keys(value)) {
    if (!PUSH_CLAUSES.has(key)) {
      throw new QueryError('BAD_UPDATE', `Unrecognized clause in $push: ${key}`)
    }
  }
  const { $each: each, $slice: slice, $position: position, $sort: sort } = value
  if (!Array.isArray(each)) {
    throw new QueryError(
      'BAD_UPDATE',
      `The argument to $each in $push must be an array but it was of type: ${bsonTypeAlias(each)}`
    )
  }
  assertWritableValue(each, path)
  if (slice !== undefined && !Number.isInteger(slice)) {
    throw new QueryError(
      'BAD_UPDATE',
      `The value for $slice must be an integer value but was given type: ${bsonTypeAlias(slice)}`
    )
  }
  if (position !== undefined && !Number.isInteger(position)) {
    throw new QueryError(
      'BAD_UPDATE',
      `The value for $position must be an integer value, not of type: ${bsonTypeAlias(position)}`
    )
  }
  return {
    items: each,
    slice: slice as number | undefined,
    position: position as number | undefined,
    sort: sort === undefined ? undefined : pushSort(sort),
  }
}

function pushSort(sort: unknown): PushSpec['sort'] {
  if (sort === 1 || sort === -1) return sort
  if (isPlainObject(sort)) {
    const fields = Object.keys(sort)
    const spec = fields.map((f) => [f, sort[f]] as const)
    const valid =
      fields.length > 0 &&
      spec.every(([f, d]) => f !== '' && !f.startsWith('$') && (d === 1 || d === -1))
    if (valid) {
      for (const [field] of spec) splitPath(field)
      return spec as readonly (readonly [string, 1 | -1])[]
    }
  }
  throw new QueryError(
    'BAD_UPDATE',
    'The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields'
  )
}
