/**
 * `$mod`: numbers whose integer part divided by the divisor leaves the remainder (both operands and
 * the value are truncated toward zero, as in MongoDB).
 */
import { QueryError } from '../../../errors/index.js'
import { toNumber } from '../../../values/compare.js'
import { leaf } from '../types.js'
import type { OperatorCompiler } from '../types.js'
import { isNumberObject, isNumeric } from './equality.js'

/** `$mod: [divisor, remainder]`. */
export const $mod: OperatorCompiler = (operand, ctx) => {
  if (!Array.isArray(operand) || operand.length !== 2 || !operand.every(isNumeric)) {
    throw new QueryError('BAD_FILTER', `$mod on "${ctx.path}" needs [divisor, remainder] numbers`)
  }
  const divisor = Math.trunc(toNumber(operand[0]))
  const remainder = Math.trunc(toNumber(operand[1]))
  if (!Number.isFinite(divisor) || divisor === 0 || !Number.isFinite(remainder)) {
    throw new QueryError('BAD_FILTER', `$mod on "${ctx.path}" needs a finite, non-zero divisor`)
  }
  return leaf((v) => {
    const n = typeof v === 'number' ? v : isNumberObject(v) ? toNumber(v) : Number.NaN
    return Number.isFinite(n) && Math.trunc(n) % divisor === remainder
  })
}
