/**
 * Compiles the value a filter gives a field: a literal (implicit equality), a regular expression, or
 * an operator object such as `{ $gte: 20, $lt: 40 }`.
 */
import { NotSupportedError, QueryError } from '../../errors/index.js'
import { FIELD_OPERATORS, UNSUPPORTED_FIELD_OPERATORS } from './operators/index.js'
import { equalsTest } from './operators/equality.js'
import { compileRegExp, regexTest } from './operators/regex.js'
import { isBsonOperatorObject } from './shape.js'
import { leaf } from './types.js'
import type { CompiledFilter, Condition, OperatorContext } from './types.js'

/** Compiles a nested filter; injected by compile.ts to avoid a module cycle. */
export type NestedCompiler = (filter: Record<string, unknown>, depth: number) => CompiledFilter

/** Rejects JavaScript functions anywhere a filter value may appear. */
export function rejectFunction(value: unknown, path: string): void {
  if (typeof value === 'function') {
    throw new QueryError(
      'WHERE_NOT_ALLOWED',
      `JavaScript functions are not allowed in filters ("${path}")`
    )
  }
}

/** Compiles an operator object on `path` into conditions that must all hold. */
export function compileOperators(
  ops: Record<string, unknown>,
  path: string,
  depth: number,
  compileNested: NestedCompiler
): Condition[] {
  const conds: Condition[] = []
  for (const op of Object.keys(ops)) {
    const operand = ops[op]
    rejectFunction(operand, path)
    if (op === '$options') {
      if (!('$regex' in ops))
        throw new QueryError('BAD_FILTER', `$options on "${path}" needs a $regex`)
      continue
    }
    if (op === '$not') {
      conds.push(compileNot(operand, path, depth, compileNested))
      continue
    }
    const compiler = FIELD_OPERATORS.get(op)
    if (compiler === undefined) {
      if (UNSUPPORTED_FIELD_OPERATORS.has(op)) throw new NotSupportedError(`${op} is not supported`)
      if (op === '$where' || op === '$function') {
        throw new QueryError('WHERE_NOT_ALLOWED', `${op} is not allowed in filters`)
      }
      throw new QueryError('UNKNOWN_OPERATOR', `Unknown operator ${op} on "${path}"`)
    }
    const ctx: OperatorContext = {
      op,
      path,
      siblings: ops,
      depth,
      compileNested,
      compileOperators: (inner, innerPath, innerDepth) =>
        compileOperators(inner, innerPath, innerDepth, compileNested),
    }
    const compiled = compiler(operand, ctx)
    if (Array.isArray(compiled)) conds.push(...compiled)
    else conds.push(compiled as Condition)
  }
  return conds
}

function compileNot(
  operand: unknown,
  path: string,
  depth: number,
  compileNested: NestedCompiler
): Condition {
  if (operand instanceof RegExp) {
    return {
      kind: 'not',
      inner: [leaf(regexTest(compileRegExp(operand.source, operand.flags, path)))],
    }
  }
  if (!isBsonOperatorObject(operand)) {
    throw new QueryError(
      'BAD_FILTER',
      `$not on "${path}" needs a regular expression or an operator object`
    )
  }
  return { kind: 'not', inner: compileOperators(operand, path, depth + 1, compileNested) }
}

/** Compiles the value given to a field in a filter into conditions that must all hold. */
export function compileFieldValue(
  path: string,
  value: unknown,
  depth: number,
  compileNested: NestedCompiler
): Condition[] {
  rejectFunction(value, path)
  if (value instanceof RegExp)
    return [leaf(regexTest(compileRegExp(value.source, value.flags, path)))]
  if (isBsonOperatorObject(value)) return compileOperators(value, path, depth, compileNested)
  return [leaf(equalsTest(value))]
}
