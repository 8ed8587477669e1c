/**
 * Shared core of `$regexMatch`, `$regexFind` and `$regexFindAll`: `{ input, regex, options? }`.
 * Patterns are compiled once when constant. Indexes are reported in code points, as MongoDB does.
 */
import { stripExtended } from '../../../query/filter/operators/regex.js'
import { badExpression, typeMismatch } from '../errors.js'
import { compileSpec, isNullish } from '../helpers.js'
import type { Evaluate, ExpressionOperator } from '../types.js'

/** One match as `$regexFind` reports it. */
export interface RegexMatch {
  match: string
  idx: number
  captures: (string | null)[]
}

const ALLOWED_FLAGS = /^[imsx]*$/

function build(name: string, pattern: unknown, options: unknown): RegExp | null {
  if (isNullish(pattern)) return null
  let source: string
  let flags = ''
  if (pattern instanceof RegExp) {
    source = pattern.source
    flags = pattern.flags.replace(/[gyu]/g, '')
  } else if (typeof pattern === 'string') source = pattern
  else throw typeMismatch(name, 'needs a string or regex as regex', pattern)
  if (!isNullish(options)) {
    if (typeof options !== 'string' || !ALLOWED_FLAGS.test(options)) {
      throw badExpression(name, 'invalid regex options')
    }
    if (pattern instanceof RegExp && pattern.flags.replace(/[gyu]/g, '') !== '' && options !== '') {
      throw badExpression(name, 'options cannot be set both in the regex and in options')
    }
    flags += options
  }
  if (flags.includes('x')) {
    source = stripExtended(source)
    flags = flags.replace('x', '')
  }
  const unique = [...new Set(flags)].join('')
  try {
    return new RegExp(source, `${unique}gu`)
  } catch {
    // PCRE accepts escapes such as `\-` that Unicode-mode JS rejects; retry without the u flag.
    try {
      return new RegExp(source, `${unique}g`)
    } catch (err) {
      throw badExpression(name, `invalid regular expression: ${(err as Error).message}`)
    }
  }
}

function codePoints(s: string, end: number): number {
  let n = 0
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i)
    if (c < 0xd800 || c > 0xdbff) n++
  }
  return n
}

/** Runs `re` over `input`, collecting at most `limit` matches. */
export function findMatches(re: RegExp, input: string, limit: number): RegexMatch[] {
  const out: RegexMatch[] = []
  re.lastIndex = 0
  while (out.length < limit) {
    const m = re.exec(input)
    if (!m) break
    out.push({
      match: m[0],
      idx: codePoints(input, m.index),
      captures: m.slice(1).map((c) => (c === undefined ? null : c)),
    })
    if (m[0] === '') re.lastIndex = m.index + (input.codePointAt(m.index)! > 0xffff ? 2 : 1)
  }
  return out
}

/** Builds a regex operator; `finish` turns the matches (or null input) into the result. */
export function regexOperator(
  limit: number,
  finish: (matches: RegexMatch[] | null) => unknown
): ExpressionOperator {
  return (args, compile, name) => {
    const spec = compileSpec(name, args, compile, ['input', 'regex'] as const, ['options'] as const)
    const options: Evaluate = spec.options ?? (() => undefined)
    // The pattern is usually constant: keep the last compiled one.
    let lastPattern: unknown
    let lastOptions: unknown
    let lastRe: RegExp | null = null
    return (doc, vars) => {
      const input = spec.input!(doc, vars)
      const pattern = spec.regex!(doc, vars)
      const opts = options(doc, vars)
      if (lastRe === null || pattern !== lastPattern || opts !== lastOptions) {
        lastRe = build(name, pattern, opts)
        lastPattern = pattern
        lastOptions = opts
      }
      const re = lastRe
      if (isNullish(input) || re === null) return finish(null)
      if (typeof input !== 'string') throw typeMismatch(name, 'needs a string input', input)
      return finish(findMatches(re, input, limit))
    }
  }
}
