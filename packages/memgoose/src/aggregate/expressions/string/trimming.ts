/** Shared core of `$trim`, `$ltrim` and `$rtrim`: `{ input, chars? }`, null input gives null. */
import { compileSpec, isNullish, str } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** The whitespace MongoDB trims by default (ASCII controls and the Unicode spaces). */
const WHITESPACE = [
  '\0',
  ' ',
  '\t',
  '\n',
  '\v',
  '\f',
  '\r',
  '\u00a0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000',
]

/** Builds a trim operator for the given ends. */
export function trimming(left: boolean, right: boolean): ExpressionOperator {
  return (args, compile, name) => {
    const spec = compileSpec(name, args, compile, ['input'] as const, ['chars'] as const)
    return (doc, vars) => {
      const v = spec.input!(doc, vars)
      if (isNullish(v)) return null
      const s = Array.from(str(name, v, 'input'))
      const c = spec.chars ? spec.chars(doc, vars) : undefined
      if (spec.chars && isNullish(c)) return null
      const set = new Set(c === undefined ? WHITESPACE : Array.from(str(name, c, 'chars')))
      let i = 0
      let j = s.length
      if (left) while (i < j && set.has(s[i])) i++
      if (right) while (j > i && set.has(s[j - 1])) j--
      return s.slice(i, j).join('')
    }
  }
}
