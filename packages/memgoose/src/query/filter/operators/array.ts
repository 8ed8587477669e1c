/**
 * `$size`, `$elemMatch` and `$all`: the operators that look at an array as a whole.
 */
import { QueryError } from '../../../errors/index.js'
import { toNumber } from '../../../values/compare.js'
import { isBsonOperatorObject } from '../shape.js'
import { holdsOnValue, leaf } from '../types.js'
import type { Condition, LeafCondition, OperatorCompiler, OperatorContext } from '../types.js'
import { isTraversable } from '../walk.js'
import type { ValueTest } from '../walk.js'
import { equalsTest, isNumeric } from './equality.js'
import { compileRegExp, regexTest } from './regex.js'

/** Operators that make an `$elemMatch` operand a filter on subdocuments rather than on values. */
const DOCUMENT_OPERATORS = new Set(['$and', '$or', '$nor', '$where', '$expr', '$text', '$comment'])

/** `$size`: the value is an array of exactly that many elements. */
export const $size: OperatorCompiler = (operand, ctx) => {
  const n = isNumeric(operand) ? toNumber(operand) : Number.NaN
  if (!Number.isInteger(n) || n < 0) {
    throw new QueryError('BAD_FILTER', `$size on "${ctx.path}" needs a non-negative integer`)
  }
  return leaf((v) => Array.isArray(v) && v.length === n, false)
}

function elementTestOf(operand: unknown, ctx: OperatorContext): ValueTest {
  if (!isTraversable(operand)) {
    throw new QueryError('BAD_FILTER', `$elemMatch on "${ctx.path}" needs an object`)
  }
  const keys = Object.keys(operand)
  const valueForm = keys.some((k) => k.charCodeAt(0) === 36 && !DOCUMENT_OPERATORS.has(k))
  if (valueForm) {
    const conds = ctx.compileOperators(operand, ctx.path, ctx.depth + 1)
    return (el) => {
      for (let i = 0; i < conds.length; i++) if (!holdsOnValue(conds[i], el)) return false
      return true
    }
  }
  const inner = ctx.compileNested(operand, ctx.depth + 1)
  return (el) =>
    typeof el === 'object' && el !== null && (Array.isArray(el) || isTraversable(el)) && inner(el)
}

function elemMatch(operand: unknown, ctx: OperatorContext): LeafCondition {
  const elementTest = elementTestOf(operand, ctx)
  const test: ValueTest = (v) => {
    if (!Array.isArray(v)) return false
    for (let i = 0; i < v.length; i++) if (elementTest(v[i])) return true
    return false
  }
  return { kind: 'leaf', test, expand: false, negate: false, elementTest }
}

/** `$elemMatch`: some element satisfies the operators (value form) or the filter (object form). */
export const $elemMatch: OperatorCompiler = elemMatch

/** `$all`: every member is matched (by equality, by regular expression, or by `$elemMatch`). */
export const $all: OperatorCompiler = (operand, ctx) => {
  if (!Array.isArray(operand)) {
    throw new QueryError('BAD_FILTER', `$all on "${ctx.path}" needs an array`)
  }
  if (operand.length === 0) return leaf(() => false)
  const conds: Condition[] = []
  for (const member of operand) {
    if (isBsonOperatorObject(member)) {
      const keys = Object.keys(member)
      if (keys.length !== 1 || keys[0] !== '$elemMatch') {
        throw new QueryError('BAD_FILTER', `$all on "${ctx.path}" only accepts $elemMatch objects`)
      }
      conds.push(elemMatch(member.$elemMatch, { ...ctx, op: '$elemMatch' }))
    } else if (member instanceof RegExp) {
      conds.push(leaf(regexTest(compileRegExp(member.source, member.flags, ctx.path))))
    } else conds.push(leaf(equalsTest(member)))
  }
  return conds
}
