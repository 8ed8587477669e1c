/**
 * `$bit`: bitwise `and`/`or`/`xor` on 32- and 64-bit integers, applied in the order given. JS numbers
 * that fit in 32 bits are ints; anything wider works on 64 bits and comes back as a Long (or a bigint
 * when the stored value was one).
 */
import { QueryError } from '../errors/index.js'
import { Long, isLong, isPlainObject } from '../values/bson.js'
import { bsonTypeAlias } from '../values/type-order.js'
import { formatElement, formatId } from './messages.js'

/** One bitwise step. */
export type BitOp = readonly [op: 'and' | 'or' | 'xor', operand: number | bigint | Long]

const BIT_OPS = new Set(['and', 'or', 'xor'])

/** Validates a `$bit` argument such as `{ and: 5, or: 2 }`. */
export function compileBit(path: string, value: unknown): readonly BitOp[] {
  if (!isPlainObject(value) || Object.keys(value).length === 0) {
    throw new QueryError(
      'BAD_UPDATE',
      `The $bit modifier is not compatible with a ${bsonTypeAlias(value)}. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}`
    )
  }
  return Object.keys(value).map((op) => {
    if (!BIT_OPS.has(op)) {
      throw new QueryError(
        'BAD_UPDATE',
        `The $bit modifier only supports 'and', 'or', and 'xor', not '${op}' which is an unknown operator: ${formatElement(path, value)}`
      )
    }
    const operand = value[op]
    if (integerOf(operand) === undefined) {
      throw new QueryError(
        'BAD_UPDATE',
        `The $bit modifier field must be an Integer(32/64 bit); a '${bsonTypeAlias(operand)}' is not supported here: {${op}: ${String(operand)}}`
      )
    }
    return [op, operand] as BitOp
  })
}

/** Applies the steps to `current` (a missing field counts as 0). */
export function applyBit(
  ops: readonly BitOp[],
  current: unknown,
  field: string,
  root: Record<string, unknown>
): unknown {
  const start = current === undefined ? 0n : integerOf(current)
  if (start === undefined) {
    throw new QueryError(
      'TYPE_MISMATCH',
      `Cannot apply $bit to a value of non-integral type.${formatId(root)} has the field ${field} of non-integer type ${bsonTypeAlias(current)}`
    )
  }
  let result = start
  let wide = typeof current === 'bigint' || isLong(current) || !fitsInt32(start)
  for (const [op, operand] of ops) {
    const value = integerOf(operand) as bigint
    wide ||= typeof operand === 'bigint' || isLong(operand) || !fitsInt32(value)
    result = op === 'and' ? result & value : op === 'or' ? result | value : result ^ value
    result = BigInt.asIntN(64, result)
  }
  if (!wide) return Number(result)
  return typeof current === 'bigint' ? result : Long.fromBigInt(result)
}

function integerOf(value: unknown): bigint | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : undefined
  if (typeof value === 'bigint') return value
  if (isLong(value)) return value.toBigInt()
  return undefined
}

function fitsInt32(value: bigint): boolean {
  return value >= -2147483648n && value <= 2147483647n
}
