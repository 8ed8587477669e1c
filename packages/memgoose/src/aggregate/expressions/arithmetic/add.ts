/** `$add`: sums numbers; one argument may be a Date, which makes the result a Date (ms added). */
import { badExpression, typeMismatch } from '../errors.js'
import { compileList, isNullish, isNumeric, numeric } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$add`. */
export const add: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 0, Infinity)
  return (doc, vars) => {
    let total = 0
    let date = false
    for (const item of items) {
      const v = item(doc, vars)
      if (isNullish(v)) return null
      if (v instanceof Date) {
        if (date) throw badExpression(name, 'only one date allowed')
        date = true
        total += v.getTime()
      } else if (isNumeric(v)) total += numeric(name, v)
      else throw typeMismatch(name, 'only supports numeric or date types', v)
    }
    return date ? new Date(total) : total
  }
}
