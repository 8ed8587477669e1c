/** `$range`: integers from start (inclusive) to end (exclusive) by a non-zero step. */
import { badExpression } from '../errors.js'
import { compileList, integral } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$range`. */
export const range: ExpressionOperator = (args, compile, name) => {
  const [startArg, endArg, stepArg] = compileList(name, args, compile, 2, 3)
  return (doc, vars) => {
    const start = integral(name, startArg(doc, vars), 'start')
    const end = integral(name, endArg(doc, vars), 'end')
    const step = stepArg ? integral(name, stepArg(doc, vars), 'step') : 1
    if (step === 0) throw badExpression(name, 'step cannot be 0')
    const out: number[] = []
    for (let i = start; step > 0 ? i < end : i > end; i += step) out.push(i)
    return out
  }
}
