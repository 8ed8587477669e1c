/** `$zip`: `{ inputs, useLongestLength?, defaults? }` transposes arrays; null input gives null. */
import { badExpression } from '../errors.js'
import { arr, isNullish } from '../helpers.js'
import { isPlainObject } from '../../../values/bson.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$zip`. */
export const zip: ExpressionOperator = (args, compile, name) => {
  if (!isPlainObject(args) || !('inputs' in args))
    throw badExpression(name, 'requires { inputs: [...] }')
  const inputs = compile(args.inputs)
  const longest = args.useLongestLength === true
  const defaults = 'defaults' in args ? compile(args.defaults) : undefined
  if (defaults && !longest) throw badExpression(name, 'defaults need useLongestLength: true')
  return (doc, vars) => {
    const v = inputs(doc, vars)
    const lists: unknown[][] = []
    for (const item of arr(name, v, 'inputs')) {
      if (isNullish(item)) return null
      lists.push(arr(name, item, 'each input'))
    }
    const fill = defaults ? arr(name, defaults(doc, vars), 'defaults') : []
    if (fill.length && fill.length !== lists.length) {
      throw badExpression(name, 'defaults must be as long as inputs')
    }
    const lengths = lists.map((l) => l.length)
    const n = lists.length === 0 ? 0 : longest ? Math.max(...lengths) : Math.min(...lengths)
    const out: unknown[][] = []
    for (let i = 0; i < n; i++) {
      out.push(lists.map((l, j) => (i < l.length ? l[i] : (fill[j] ?? null))))
    }
    return out
  }
}
