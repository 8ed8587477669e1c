/**
 * `$in` and `$nin`. Primitive members go in a Set so a long list costs one lookup per candidate;
 * regular expressions in the list match strings; other members fall back to value equality.
 */
import { QueryError } from '../../../errors/index.js'
import { toNumber } from '../../../values/compare.js'
import { isBsonOperatorObject } from '../shape.js'
import { leaf } from '../types.js'
import type { OperatorCompiler, OperatorContext } from '../types.js'
import type { ValueTest } from '../walk.js'
import { equalsTest, isNumberObject } from './equality.js'
import { compileRegExp } from './regex.js'

/** A test accepting any value equal to (or, for regular expressions, matched by) a member of `list`. */
export function membershipTest(list: unknown, ctx: OperatorContext): ValueTest {
  if (!Array.isArray(list)) {
    throw new QueryError('BAD_FILTER', `${ctx.op} on "${ctx.path}" needs an array`)
  }
  const primitives = new Set<unknown>()
  const regexps: RegExp[] = []
  const others: ValueTest[] = []
  let nullish = false
  let nan = false
  for (const member of list) {
    if (isBsonOperatorObject(member)) {
      throw new QueryError('BAD_FILTER', `${ctx.op} on "${ctx.path}" cannot contain an operator`)
    }
    if (member === null || member === undefined) nullish = true
    else if (typeof member === 'number' && member !== member) nan = true
    else if (
      typeof member === 'string' ||
      typeof member === 'number' ||
      typeof member === 'boolean'
    ) {
      primitives.add(member)
    } else if (member instanceof RegExp) {
      regexps.push(compileRegExp(member.source, member.flags, ctx.path))
      others.push(equalsTest(member))
    } else others.push(equalsTest(member))
  }
  const hasPrimitives = primitives.size > 0
  return (v) => {
    if (v === null || v === undefined) return nullish
    if (hasPrimitives && primitives.has(v)) return true
    if (typeof v === 'string') {
      for (let i = 0; i < regexps.length; i++) if (regexps[i].test(v)) return true
      return false
    }
    if (typeof v === 'number') {
      if (v !== v) return nan
      // Members such as Decimal128('2.5') or Long(3) equal plain numbers too, as $eq says.
      for (let i = 0; i < others.length; i++) if (others[i](v)) return true
      return false
    }
    if (isNumberObject(v)) {
      const n = toNumber(v)
      if (n !== n) return nan
      if (hasPrimitives && primitives.has(n)) return true
    }
    for (let i = 0; i < others.length; i++) if (others[i](v)) return true
    return false
  }
}

/** `$in`: some candidate equals some member. */
export const $in: OperatorCompiler = (list, ctx) => leaf(membershipTest(list, ctx))

/** `$nin`: no candidate equals any member. */
export const $nin: OperatorCompiler = (list, ctx) => leaf(membershipTest(list, ctx), true, true)
