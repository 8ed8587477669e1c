/**
 * `$regex` with `$options` (`i m s x u`), and regular expression values. Patterns are compiled once;
 * the stateful `g`/`y` flags are dropped so `test()` never depends on a previous call.
 */
import { QueryError } from '../../../errors/index.js'
import { leaf } from '../types.js'
import type { OperatorCompiler } from '../types.js'
import type { ValueTest } from '../walk.js'

const OPTION_LETTERS = new Set(['i', 'm', 's', 'x', 'u'])
const KEPT_FLAGS = new Set(['i', 'm', 's', 'u', 'v'])

/** Removes unescaped whitespace and `#` comments outside character classes (PCRE's `x` option). */
export function stripExtended(source: string): string {
  let out = ''
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const c = source[i]
    if (c === '\\') {
      out += c + (source[i + 1] ?? '')
      i++
    } else if (inClass) {
      if (c === ']') inClass = false
      out += c
    } else if (c === '[') {
      inClass = true
      out += c
    } else if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++
    } else if (!/\s/.test(c)) out += c
  }
  return out
}

/** Builds a stateless RegExp from a pattern and MongoDB/JS option letters; BAD_FILTER when invalid. */
export function compileRegExp(source: string, options: string, path: string): RegExp {
  let flags = ''
  let pattern = source
  for (const letter of options) {
    if (letter === 'x') pattern = stripExtended(pattern)
    else if (KEPT_FLAGS.has(letter)) {
      if (!flags.includes(letter)) flags += letter
    } else if (letter !== 'g' && letter !== 'y' && letter !== 'd') {
      throw new QueryError(
        'BAD_FILTER',
        `Invalid regular expression option "${letter}" on "${path}"`
      )
    }
  }
  try {
    return new RegExp(pattern, flags)
  } catch (error) {
    throw new QueryError('BAD_FILTER', `Invalid regular expression on "${path}"`, { cause: error })
  }
}

/** A test matching strings against `re`, and stored regular expressions equal to it. */
export function regexTest(re: RegExp): ValueTest {
  return (v) =>
    typeof v === 'string'
      ? re.test(v)
      : v instanceof RegExp && v.source === re.source && v.flags === re.flags
}

/** `$regex` (reads its sibling `$options`). */
export const $regex: OperatorCompiler = (pattern, ctx) => {
  const options = ctx.siblings.$options
  if (options !== undefined && typeof options !== 'string') {
    throw new QueryError('BAD_FILTER', `$options on "${ctx.path}" must be a string`)
  }
  if (options !== undefined) {
    for (const letter of options) {
      if (!OPTION_LETTERS.has(letter)) {
        throw new QueryError('BAD_FILTER', `Invalid $options letter "${letter}" on "${ctx.path}"`)
      }
    }
  }
  if (pattern instanceof RegExp) {
    return leaf(regexTest(compileRegExp(pattern.source, options ?? pattern.flags, ctx.path)))
  }
  if (typeof pattern !== 'string') {
    throw new QueryError('BAD_FILTER', `$regex on "${ctx.path}" needs a string or a RegExp`)
  }
  return leaf(regexTest(compileRegExp(pattern, options ?? '', ctx.path)))
}
