/** Types of compiled aggregation expressions and of the operator registry. */
import type { Doc } from '../types.js'

/**
 * Variables visible to an expression (`$$NOW`, `$let` bindings, `$$this`...). Nested scopes are
 * prototype-chained from a null-prototype root, so names never reach `Object.prototype`.
 */
export type Vars = Record<string, unknown>

/** A compiled expression: the current document and the variables in, the value out (`undefined` = missing). */
export type Evaluate = (doc: Doc, vars: Vars) => unknown

/** Compiles a nested expression; given to operators so they compile their arguments once. */
export type CompileFn = (expr: unknown) => Evaluate

/** Compiles one operator's arguments into an evaluator. `name` is the operator (`'$add'`). */
export type ExpressionOperator = (args: unknown, compile: CompileFn, name: string) => Evaluate
