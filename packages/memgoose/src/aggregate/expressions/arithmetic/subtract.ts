/** `$subtract`: numbers, date minus number (a Date) or date minus date (milliseconds). */
import { typeMismatch } from '../errors.js'
import { compileList, isNullish, isNumeric, numeric } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$subtract`. */
export const subtract: ExpressionOperator = (args, compile, name) => {
  const [left, right] = compileList(name, args, compile, 2)
  return (doc, vars) => {
    const a = left(doc, vars)
    const b = right(doc, vars)
    if (isNullish(a) || isNullish(b)) return null
    if (a instanceof Date) {
      if (b instanceof Date) return a.getTime() - b.getTime()
      if (isNumeric(b)) return new Date(a.getTime() - numeric(name, b))
      throw typeMismatch(name, 'cannot subtract this from a date', b)
    }
    if (b instanceof Date) throw typeMismatch(name, 'cannot subtract a date from', a)
    return numeric(name, a) - numeric(name, b)
  }
}
