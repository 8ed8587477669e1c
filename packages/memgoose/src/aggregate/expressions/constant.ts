/** Constant evaluators, marked so stages and operators can precompute them. */
import type { Evaluate } from './types.js'

const constants = new WeakSet<Evaluate>()

/** An evaluator that always yields `value`. */
export function constant(value: unknown): Evaluate {
  const fn: Evaluate = () => value
  constants.add(fn)
  return fn
}

/** True when `fn` came from {@link constant}. */
export function isConstant(fn: Evaluate): boolean {
  return constants.has(fn)
}
