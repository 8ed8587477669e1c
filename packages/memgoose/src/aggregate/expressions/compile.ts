/**
 * The expression compiler: turns an aggregation expression into an {@link Evaluate} function once,
 * so documents are evaluated without re-parsing. Dispatches `{ $op: args }` to the operator registry.
 */
import { QueryError } from '../../errors/index.js'
import { splitPath } from '../../values/paths.js'
import { isPlainObject } from '../../values/bson.js'
import { compilePath, resolveParts } from './field-path.js'
import { constant, isConstant } from './constant.js'
import { operators } from './index.js'
import { DESCEND, KEEP, PRUNE, assertVariableName } from './variables.js'
import type { Evaluate } from './types.js'

/** Compiles any aggregation expression. Throws a coded QueryError for unknown or malformed operators. */
export function compileExpression(expr: unknown): Evaluate {
  if (typeof expr === 'string') {
    if (expr.startsWith('$$')) return compileVariable(expr.slice(2))
    if (expr.startsWith('$')) {
      if (expr.length === 1) throw new QueryError('BAD_EXPRESSION', `"$" is not a valid field path`)
      return compilePath(expr.slice(1))
    }
    return constant(expr)
  }
  if (Array.isArray(expr)) {
    const items = expr.map(compileExpression)
    if (items.every(isConstant)) return constant(items.map((f) => f({}, {})))
    return (doc, vars) => {
      const out = new Array(items.length)
      for (let i = 0; i < items.length; i++) {
        const v = items[i](doc, vars)
        out[i] = v === undefined ? null : v
      }
      return out
    }
  }
  if (isPlainObject(expr)) return compileObject(expr)
  return constant(expr)
}

function compileObject(expr: Record<string, unknown>): Evaluate {
  const keys = Object.keys(expr)
  if (keys.length === 1 && keys[0].startsWith('$')) {
    const name = keys[0]
    const op = Object.hasOwn(operators, name) ? operators[name] : undefined
    if (!op) throw new QueryError('UNKNOWN_OPERATOR', `Unknown expression operator ${name}`)
    return op(expr[name], compileExpression, name)
  }
  const fields: string[] = []
  const values: Evaluate[] = []
  for (const key of keys) {
    if (key.startsWith('$')) {
      throw new QueryError(
        'BAD_EXPRESSION',
        `An expression object with several fields cannot hold the operator ${key}`
      )
    }
    splitPath(key)
    if (key.includes('.')) {
      throw new QueryError(
        'BAD_EXPRESSION',
        `Field names in expression objects cannot contain ".": ${key}`
      )
    }
    fields.push(key)
    values.push(compileExpression(expr[key]))
  }
  return (doc, vars) => {
    const out: Record<string, unknown> = {}
    for (let i = 0; i < fields.length; i++) {
      const v = values[i](doc, vars)
      if (v !== undefined) out[fields[i]] = v
    }
    return out
  }
}

function compileVariable(ref: string): Evaluate {
  const dot = ref.indexOf('.')
  const name = dot === -1 ? ref : ref.slice(0, dot)
  const parts = dot === -1 ? undefined : splitPath(ref.slice(dot + 1))
  let base: Evaluate
  switch (name) {
    case 'ROOT':
      // Only `$redact` evaluates below the top level; it binds the top document as ROOT.
      base = (doc, vars) => (vars.ROOT === undefined ? doc : (vars.ROOT as typeof doc))
      break
    case 'CURRENT':
      base = (doc) => doc
      break
    case 'REMOVE':
      return () => undefined
    case 'DESCEND':
      return constant(DESCEND)
    case 'PRUNE':
      return constant(PRUNE)
    case 'KEEP':
      return constant(KEEP)
    case 'NOW':
    case 'CLUSTER_TIME':
      base = (_doc, vars) => vars[name]
      break
    default:
      assertVariableName(name, `$$${ref}`)
      base = (_doc, vars) => {
        if (!(name in vars)) {
          throw new QueryError('BAD_EXPRESSION', `Use of undefined variable: ${name}`)
        }
        return vars[name]
      }
  }
  if (!parts) return base
  return (doc, vars) => resolveParts(base(doc, vars), parts, 0)
}
