/**
 * Aggregation variables: the system ones (`$$ROOT`, `$$NOW`, `$$REMOVE`, the `$redact` markers) and
 * the rules for user names, which must start with a lowercase letter so they can never shadow a
 * system variable or reach `Object.prototype`.
 */
import { QueryError } from '../../errors/index.js'
import type { Vars } from './types.js'

/** Returned by `$$DESCEND` in `$redact`. */
export const DESCEND = Symbol('$$DESCEND')
/** Returned by `$$PRUNE` in `$redact`. */
export const PRUNE = Symbol('$$PRUNE')
/** Returned by `$$KEEP` in `$redact`. */
export const KEEP = Symbol('$$KEEP')

const USER_NAME = /^[a-z\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*$/

/** Throws unless `name` is a valid user variable name. */
export function assertVariableName(name: string, where: string): void {
  if (!USER_NAME.test(name)) {
    throw new QueryError(
      'BAD_EXPRESSION',
      `${where}: invalid variable name "${name}" (must start with a lowercase letter)`
    )
  }
}

/** A fresh root scope holding `$$NOW`, `$$CLUSTER_TIME` and the user's `let` variables. */
export function rootVars(now: Date, user?: Record<string, unknown>): Vars {
  const vars: Vars = Object.create(null)
  vars.NOW = now
  vars.CLUSTER_TIME = now
  if (user) {
    for (const key of Object.keys(user)) {
      assertVariableName(key, 'let')
      vars[key] = user[key]
    }
  }
  return vars
}

/** A child scope of `vars` (bindings are set on it by the caller). */
export function childVars(vars: Vars): Vars {
  return Object.create(vars) as Vars
}
