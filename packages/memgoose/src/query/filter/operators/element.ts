/**
 * `$exists` and `$type`. `$exists` looks at the path itself (an empty array exists); `$type` also
 * inspects the elements of a leaf array, and `'array'` matches the array itself.
 */
import { QueryError } from '../../../errors/index.js'
import { bsonTypeAlias } from '../../../values/type-order.js'
import { leaf } from '../types.js'
import type { OperatorCompiler, OperatorContext } from '../types.js'

const isPresent = (v: unknown): boolean => v !== undefined

/** `$exists: true | false` (any truthy operand means true, as in MongoDB). */
export const $exists: OperatorCompiler = (operand) => leaf(isPresent, false, !operand)

const CODES: Record<number, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  6: 'undefined',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  12: 'dbPointer',
  13: 'javascript',
  14: 'symbol',
  15: 'javascriptWithScope',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
}
const ALIASES = new Set(Object.values(CODES))
const NUMBER_ALIASES = ['double', 'int', 'long', 'decimal']

function aliasesOf(spec: unknown, ctx: OperatorContext, into: Set<string>): void {
  if (typeof spec === 'number' && CODES[spec] !== undefined) into.add(CODES[spec])
  else if (spec === 'number') for (const alias of NUMBER_ALIASES) into.add(alias)
  else if (typeof spec === 'string' && ALIASES.has(spec)) into.add(spec)
  else {
    throw new QueryError('BAD_FILTER', `Unknown $type ${JSON.stringify(spec)} on "${ctx.path}"`)
  }
}

/** `$type`: an alias, a numeric code, `'number'`, or an array of those (any may match). */
export const $type: OperatorCompiler = (operand, ctx) => {
  const wanted = new Set<string>()
  if (Array.isArray(operand)) {
    if (operand.length === 0) throw new QueryError('BAD_FILTER', `$type on "${ctx.path}" is empty`)
    for (const spec of operand) aliasesOf(spec, ctx, wanted)
  } else aliasesOf(operand, ctx, wanted)
  return leaf((v) => v !== undefined && wanted.has(bsonTypeAlias(v)))
}
