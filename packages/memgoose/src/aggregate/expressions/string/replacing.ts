/** Shared core of `$replaceOne` and `$replaceAll`: `{ input, find, replacement }`, null anywhere gives null. */
import { compileSpec, isNullish, str } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Builds a replace operator. */
export function replacing(all: boolean): ExpressionOperator {
  return (args, compile, name) => {
    const spec = compileSpec(name, args, compile, ['input', 'find', 'replacement'] as const)
    return (doc, vars) => {
      const input = spec.input!(doc, vars)
      const find = spec.find!(doc, vars)
      const replacement = spec.replacement!(doc, vars)
      if (isNullish(input) || isNullish(find) || isNullish(replacement)) return null
      const s = str(name, input, 'input')
      const f = str(name, find, 'find')
      const r = str(name, replacement, 'replacement')
      if (all) return s.split(f).join(r)
      const at = s.indexOf(f)
      return at === -1 ? s : s.slice(0, at) + r + s.slice(at + f.length)
    }
  }
}
