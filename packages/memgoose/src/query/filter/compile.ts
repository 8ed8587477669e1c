/**
 * compileFilter: turns a MongoDB filter into a predicate, once. The document-level operators
 * (`$and $or $nor $comment $expr`) are handled here; fields go to field.ts.
 */
import { NotSupportedError, QueryError } from '../../errors/index.js'
import { splitPath } from '../../values/paths.js'
import { compileFieldValue, rejectFunction } from './field.js'
import { allOf, anyOf, fieldPredicate } from './predicate.js'
import { assertSafeInput } from './shape.js'
import type { CompiledFilter, Condition } from './types.js'
import { isTraversable } from './walk.js'

/** A condition on a path that holds at the top level of a filter (for the positional `$`). */
export interface TopLevelCondition {
  readonly parts: readonly string[]
  readonly cond: Condition
}

/** Compiles an `$expr` operand into a predicate; registered by the aggregation module. */
export type ExprEvaluator = (expr: unknown) => CompiledFilter

let exprEvaluator: ExprEvaluator | undefined

/** Registers how `$expr` is compiled (the aggregation module provides it). Pass undefined to remove. */
export function setExprEvaluator(evaluator: ExprEvaluator | undefined): void {
  exprEvaluator = evaluator
}

const topLevelConditions = new WeakMap<CompiledFilter, readonly TopLevelCondition[]>()

/** The conditions a compiled filter ANDs at its top level (including inside `$and`). */
export function topLevelConditionsOf(compiled: CompiledFilter): readonly TopLevelCondition[] {
  return topLevelConditions.get(compiled) ?? []
}

const matchAll: CompiledFilter = () => true

const UNSUPPORTED_DOCUMENT_OPERATORS = new Set(['$text', '$jsonSchema', '$sampleRate'])

/**
 * Compiles a MongoDB filter into a predicate over documents. Throws QueryError (`UNKNOWN_OPERATOR`,
 * `BAD_FILTER`, `WHERE_NOT_ALLOWED`, `FILTER_TOO_DEEP`), UnsafeInputError (`UNSAFE_KEY`) or
 * NotSupportedError. The predicate allocates nothing per call.
 */
export function compileFilter(filter: Record<string, unknown> | null | undefined): CompiledFilter {
  if (filter === null || filter === undefined) return matchAll
  if (!isTraversable(filter)) throw new QueryError('BAD_FILTER', 'A filter must be a plain object')
  assertSafeInput(filter, 'filter')
  const conditions: TopLevelCondition[] = []
  const compiled = compileDocument(filter, 0, conditions)
  const predicate: CompiledFilter = compiled === matchAll ? () => true : compiled
  topLevelConditions.set(predicate, conditions)
  return predicate
}

function compileNested(filter: Record<string, unknown>, depth: number): CompiledFilter {
  return compileDocument(filter, depth, undefined)
}

function clausesOf(op: string, value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every(isTraversable)) {
    throw new QueryError('BAD_FILTER', `${op} needs a non-empty array of objects`)
  }
  return value as Record<string, unknown>[]
}

function compileDocument(
  filter: Record<string, unknown>,
  depth: number,
  conditions: TopLevelCondition[] | undefined
): CompiledFilter {
  const preds: CompiledFilter[] = []
  for (const key of Object.keys(filter)) {
    const value = filter[key]
    rejectFunction(value, key)
    switch (key) {
      case '$and':
        for (const clause of clausesOf(key, value))
          preds.push(compileDocument(clause, depth + 1, conditions))
        continue
      case '$or':
        preds.push(
          anyOf(clausesOf(key, value).map((c) => compileDocument(c, depth + 1, undefined)))
        )
        continue
      case '$nor': {
        const any = anyOf(
          clausesOf(key, value).map((c) => compileDocument(c, depth + 1, undefined))
        )
        preds.push((doc) => !any(doc))
        continue
      }
      case '$comment':
        continue
      case '$where':
      case '$function':
        throw new QueryError(
          'WHERE_NOT_ALLOWED',
          `${key} is not allowed: filters never run JavaScript`
        )
      case '$expr':
        if (exprEvaluator === undefined)
          throw new NotSupportedError('$expr is not supported in filters')
        preds.push(exprEvaluator(value))
        continue
    }
    if (key.charCodeAt(0) === 36) {
      if (UNSUPPORTED_DOCUMENT_OPERATORS.has(key))
        throw new NotSupportedError(`${key} is not supported`)
      throw new QueryError('UNKNOWN_OPERATOR', `Unknown top-level operator ${key}`)
    }
    const parts = splitPath(key)
    const conds = compileFieldValue(key, value, depth + 1, compileNested)
    preds.push(fieldPredicate(parts, conds))
    if (conditions) for (const cond of conds) conditions.push({ parts, cond })
  }
  return preds.length === 0 ? matchAll : allOf(preds)
}

/** True when a filter matches every document (absent, `{}`, or only `$comment`). */
export function isFilterEmpty(filter: Record<string, unknown> | null | undefined): boolean {
  if (filter === null || filter === undefined) return true
  for (const key of Object.keys(filter)) if (key !== '$comment') return false
  return true
}
