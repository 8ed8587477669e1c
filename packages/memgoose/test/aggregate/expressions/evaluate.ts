/** Evaluates one expression against a document, as a `$project` field would. */
import { compileExpression } from '../../../src/aggregate/index.js'
import { rootVars } from '../../../src/aggregate/expressions/variables.js'

/** The value of `expr` for `doc` (`undefined` when missing). */
export function evaluate(
  expr: unknown,
  doc: Record<string, unknown> = {},
  vars?: Record<string, unknown>
): unknown {
  return compileExpression(expr)(doc, rootVars(new Date(0), vars))
}
