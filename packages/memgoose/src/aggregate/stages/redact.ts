/**
 * `$redact`: evaluates the expression at every level of the document (the top, then each embedded
 * document, including those in arrays) and keeps (`$$KEEP`), drops (`$$PRUNE`) or descends
 * (`$$DESCEND`) at each. `$$CURRENT` is the level being evaluated, `$$ROOT` the whole document.
 */
import { QueryError } from '../../errors/index.js'
import { compileExpression } from '../expressions/compile.js'
import { isTraversable } from '../expressions/field-path.js'
import type { Evaluate, Vars } from '../expressions/types.js'
import { DESCEND, KEEP, PRUNE, childVars } from '../expressions/variables.js'
import type { Doc } from '../types.js'
import { mapStage } from './batches.js'
import type { StageCompiler } from './types.js'

function redactDoc(doc: Doc, decide: Evaluate, vars: Vars): Doc | undefined {
  const verdict = decide(doc, vars)
  if (verdict === KEEP) return doc
  if (verdict === PRUNE) return undefined
  if (verdict !== DESCEND) {
    throw new QueryError(
      'BAD_EXPRESSION',
      '$redact: the expression must return $$DESCEND, $$PRUNE or $$KEEP'
    )
  }
  const out: Doc = {}
  for (const key of Object.keys(doc)) {
    const v = redactValue(doc[key], decide, vars)
    if (v !== undefined) out[key] = v
  }
  return out
}

function redactValue(value: unknown, decide: Evaluate, vars: Vars): unknown {
  if (isTraversable(value)) return redactDoc(value, decide, vars)
  if (Array.isArray(value)) {
    const out: unknown[] = []
    for (const el of value) {
      const v = redactValue(el, decide, vars)
      if (v !== undefined) out.push(v)
    }
    return out
  }
  return value
}

/** Compiles `$redact`. */
export const redact: StageCompiler = (spec, _env, name) => {
  const decide = compileExpression(spec)
  return mapStage(name, (doc, rt) => {
    const vars = childVars(rt.vars)
    vars.ROOT = doc
    return redactDoc(doc, decide, vars)
  })
}
