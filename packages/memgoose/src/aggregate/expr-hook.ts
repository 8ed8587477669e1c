/**
 * `$expr` support for the query engine: registers the expression compiler with query/, and lets a
 * running `$match` lend its variables (`$$NOW`, `$lookup`'s `let`) to the predicates it calls.
 * Predicates run synchronously, so a module-level slot set around each batch is safe.
 */
import { setExprEvaluator } from '../query/index.js'
import { compileExpression } from './expressions/compile.js'
import { truthy } from './expressions/helpers.js'
import { rootVars } from './expressions/variables.js'
import type { Vars } from './expressions/types.js'

let active: Vars | undefined

/** Runs `fn` with `vars` visible to `$expr` predicates. */
export function withVars<T>(vars: Vars, fn: () => T): T {
  const previous = active
  active = vars
  try {
    return fn()
  } finally {
    active = previous
  }
}

/** Compiles an `$expr` operand into a document predicate. */
export function compileExprPredicate(expr: unknown): (doc: unknown) => boolean {
  const evaluate = compileExpression(expr)
  return (doc) => {
    const vars = active ?? rootVars(new Date())
    return truthy(evaluate(doc as Record<string, unknown>, vars))
  }
}

/** Registers {@link compileExprPredicate} with the query engine (idempotent). */
export function installExprEvaluator(): void {
  setExprEvaluator(compileExprPredicate)
}

installExprEvaluator()
