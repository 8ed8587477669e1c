/**
 * Argument handling shared by the expression operators: arity checks, object-form specs, numeric
 * coercion and MongoDB truthiness. Everything here runs at compile time except the value helpers.
 */
import { isDecimal128, isLong, isPlainObject } from '../../values/bson.js'
import { toNumber } from '../../values/compare.js'
import { badExpression, typeMismatch } from './errors.js'
import type { CompileFn, Evaluate, ExpressionOperator } from './types.js'

/** The operator's arguments as a list (a lone non-array argument is a one-element list), arity-checked. */
export function argList(name: string, args: unknown, min: number, max = min): unknown[] {
  const list = Array.isArray(args) ? args : [args]
  if (list.length < min || list.length > max) {
    const want =
      min === max ? `exactly ${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`
    throw badExpression(name, `takes ${want} argument(s), got ${list.length}`)
  }
  return list
}

/** Compiles each argument of {@link argList}. */
export function compileList(
  name: string,
  args: unknown,
  compile: CompileFn,
  min: number,
  max = min
): Evaluate[] {
  return argList(name, args, min, max).map(compile)
}

/**
 * Compiles an object-form argument (`{ input, as, in }`): every `required` field must be present,
 * unknown fields are rejected, and absent optional fields compile to `undefined`.
 */
export function compileSpec<K extends string>(
  name: string,
  args: unknown,
  compile: CompileFn,
  required: readonly K[],
  optional: readonly K[] = []
): Record<K, Evaluate | undefined> {
  if (!isPlainObject(args)) throw badExpression(name, 'expects an object argument')
  const allowed = new Set<string>([...required, ...optional])
  for (const key of Object.keys(args)) {
    if (!allowed.has(key)) throw badExpression(name, `unknown argument "${key}"`)
  }
  const out = {} as Record<K, Evaluate | undefined>
  for (const key of required) {
    if (!(key in args)) throw badExpression(name, `missing required argument "${key}"`)
    out[key] = compile(args[key])
  }
  for (const key of optional) out[key] = key in args ? compile(args[key]) : undefined
  return out
}

/** True for null or missing. */
export function isNullish(value: unknown): value is null | undefined {
  return value === null || value === undefined
}

/** True for any BSON number (double, int, Long, Decimal128). */
export function isNumeric(value: unknown): boolean {
  return typeof value === 'number' || isLong(value) || isDecimal128(value)
}

/** The value as a JS number, or a TYPE_MISMATCH error naming the operator. */
export function numeric(name: string, value: unknown): number {
  if (typeof value === 'number') return value
  if (isLong(value) || isDecimal128(value)) return toNumber(value)
  throw typeMismatch(name, 'only supports numeric types', value)
}

/** An integral number argument (positions, counts), or a TYPE_MISMATCH error. */
export function integral(name: string, value: unknown, what: string): number {
  const n = isNumeric(value) ? toNumber(value) : Number.NaN
  if (!Number.isInteger(n)) throw typeMismatch(name, `${what} must be an integer`, value)
  return n
}

/** MongoDB truthiness: false, null, missing and zero are false; everything else (even "" and []) is true. */
export function truthy(value: unknown): boolean {
  if (value === false || value === null || value === undefined) return false
  if (typeof value === 'number') return value !== 0
  if (isLong(value) || isDecimal128(value)) return toNumber(value) !== 0
  return true
}

/** An operator over one number: null/missing give null, non-numbers fail. */
export function unaryNumber(fn: (n: number, name: string) => unknown): ExpressionOperator {
  return (args, compile, name) => {
    const [arg] = compileList(name, args, compile, 1)
    return (doc, vars) => {
      const v = arg(doc, vars)
      return isNullish(v) ? null : fn(numeric(name, v), name)
    }
  }
}

/** An operator over one string (null/missing become ""), as `$toUpper` and friends coerce. */
export function unaryString(fn: (s: string) => unknown): ExpressionOperator {
  return (args, compile, name) => {
    const [arg] = compileList(name, args, compile, 1)
    return (doc, vars) => fn(coerceToString(name, arg(doc, vars)))
  }
}

/** String coercion of `$concat`-like contexts that accept numbers and dates: null/missing become "". */
export function coerceToString(name: string, value: unknown): string {
  if (typeof value === 'string') return value
  if (isNullish(value)) return ''
  if (isNumeric(value)) return String(toNumber(value))
  if (value instanceof Date) return value.toISOString()
  throw typeMismatch(name, 'requires a string argument', value)
}

/** A string argument (null/missing handled by the caller), or a TYPE_MISMATCH error. */
export function str(name: string, value: unknown, what = 'argument'): string {
  if (typeof value !== 'string') throw typeMismatch(name, `${what} must be a string`, value)
  return value
}

/** An array argument, or a TYPE_MISMATCH error. */
export function arr(name: string, value: unknown, what = 'argument'): unknown[] {
  if (!Array.isArray(value)) throw typeMismatch(name, `${what} must be an array`, value)
  return value
}
