/** Builds the `$toX` shorthands: `$convert` to one type with no onError/onNull (null gives null). */
import { compileList, isNullish } from '../helpers.js'
import { convertValue } from './convert-core.js'
import type { ExpressionOperator } from '../types.js'

/** An operator converting its one argument to `to`. */
export function toType(to: string): ExpressionOperator {
  return (args, compile, name) => {
    const [arg] = compileList(name, args, compile, 1)
    return (doc, vars) => {
      const v = arg(doc, vars)
      return isNullish(v) ? null : convertValue(v, to)
    }
  }
}
