/**
 * Exact Decimal128 addition and multiplication through BigInt coefficients: `bson` stores Decimal128
 * but has no arithmetic, and converting through doubles would lose the digits users chose it for.
 * Results are rounded to Decimal128's 34 digits. NaN and infinities are not supported.
 */
import { NotSupportedError } from '../errors/index.js'
import { Decimal128, isDecimal128 } from '../values/bson.js'

interface Scaled {
  readonly coefficient: bigint
  readonly exponent: number
}

const DECIMAL_TEXT = /^([+-])?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/

function scaled(value: unknown): Scaled {
  const text = isDecimal128(value) ? value.toString() : String(value)
  const m = DECIMAL_TEXT.exec(text)
  if (m === null) {
    throw new NotSupportedError(`Decimal128 arithmetic on ${text} is not supported`)
  }
  const fraction = m[3] ?? ''
  const magnitude = BigInt(m[2] + fraction)
  return {
    coefficient: m[1] === '-' ? -magnitude : magnitude,
    exponent: Number(m[4] ?? 0) - fraction.length,
  }
}

function toDecimal(value: Scaled): Decimal128 {
  return Decimal128.fromStringWithRounding(`${value.coefficient}E${value.exponent}`)
}

/** `a + b` where either operand may be a Decimal128, a number, a bigint or a Long. */
export function decimalAdd(a: unknown, b: unknown): Decimal128 {
  const x = scaled(a)
  const y = scaled(b)
  const exponent = Math.min(x.exponent, y.exponent)
  const coefficient =
    x.coefficient * 10n ** BigInt(x.exponent - exponent) +
    y.coefficient * 10n ** BigInt(y.exponent - exponent)
  return toDecimal({ coefficient, exponent })
}

/** `a * b` where either operand may be a Decimal128, a number, a bigint or a Long. */
export function decimalMul(a: unknown, b: unknown): Decimal128 {
  const x = scaled(a)
  const y = scaled(b)
  return toDecimal({
    coefficient: x.coefficient * y.coefficient,
    exponent: x.exponent + y.exponent,
  })
}

/** `-a` for a Decimal128 (used by `$dec`). */
export function decimalNegate(a: Decimal128): Decimal128 {
  const x = scaled(a)
  return toDecimal({ coefficient: -x.coefficient, exponent: x.exponent })
}
