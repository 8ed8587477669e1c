/**
 * The compiled form of a filter: conditions on paths, combined by the logical operators.
 */
import type { ValueTest } from './walk.js'

/** A compiled filter: a predicate over one document. Calling it allocates nothing. */
export type CompiledFilter = (doc: unknown) => boolean

/** One operator applied to the candidates of a path (see walk.ts). */
export interface LeafCondition {
  readonly kind: 'leaf'
  /** Positive test of one candidate value. */
  readonly test: ValueTest
  /** Whether a leaf array's elements are candidates as well as the array itself. */
  readonly expand: boolean
  /** The condition holds when no candidate passes `test` ($ne, $nin, $exists: false). */
  readonly negate: boolean
  /** How one element of the array the path ends on satisfies the condition, when not `test` ($elemMatch). */
  readonly elementTest?: ValueTest
}

/** `$not`: holds when the conjunction of its inner conditions does not. */
export interface NotCondition {
  readonly kind: 'not'
  readonly inner: readonly Condition[]
}

/** A compiled operator on a path. */
export type Condition = LeafCondition | NotCondition

/** What an operator compiler may use besides its operand. */
export interface OperatorContext {
  /** The operator's name, for error messages. */
  readonly op: string
  /** The field path, for error messages. */
  readonly path: string
  /** The whole operator object the operand came from (`$regex` reads `$options`). */
  readonly siblings: Record<string, unknown>
  /** Nesting depth of this operator in the filter. */
  readonly depth: number
  /** Compiles a nested filter (the object form of `$elemMatch`). */
  readonly compileNested: (filter: Record<string, unknown>, depth: number) => CompiledFilter
  /** Compiles a nested operator object (the value form of `$elemMatch`, `$not`). */
  readonly compileOperators: (
    ops: Record<string, unknown>,
    path: string,
    depth: number
  ) => Condition[]
}

/** Compiles one operator's operand into a condition (or several that must all hold, for `$all`). */
export type OperatorCompiler = (
  operand: unknown,
  ctx: OperatorContext
) => Condition | readonly Condition[]

/** Whether `cond` holds for one value taken as it is (no path, no array expansion). */
export function holdsOnValue(cond: Condition, v: unknown): boolean {
  if (cond.kind === 'leaf') return cond.test(v) !== cond.negate
  for (const inner of cond.inner) if (!holdsOnValue(inner, v)) return true
  return false
}

/** A leaf condition that expands leaf arrays and is not negated. */
export function leaf(test: ValueTest, expand = true, negate = false): LeafCondition {
  return { kind: 'leaf', test, expand, negate }
}
