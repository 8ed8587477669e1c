/**
 * Shape checks shared by the filter compiler: what counts as an operator object, and the guard that
 * rejects hostile keys and runaway nesting before any recursion happens.
 */
import { QueryError } from '../../errors/index.js'
import { assertSafeKey } from '../../values/paths.js'
import { isTraversable } from './walk.js'

/** Deepest nesting of objects and arrays accepted in a filter (MongoDB's own limit is 100). */
export const MAX_FILTER_DEPTH = 100

/** True for a plain object whose first key starts with `$` (an operator object, not a literal). */
export function isBsonOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isTraversable(value)) return false
  for (const key in value) return key.charCodeAt(0) === 36
  return false
}

/**
 * Walks a filter, projection or sort iteratively (so hostile nesting cannot overflow the stack),
 * rejecting `__proto__`/`constructor`/`prototype` keys anywhere (UNSAFE_KEY), JavaScript functions
 * anywhere (WHERE_NOT_ALLOWED) and nesting deeper than `maxDepth` (FILTER_TOO_DEEP).
 */
export function assertSafeInput(input: unknown, what: string, maxDepth = MAX_FILTER_DEPTH): void {
  const stack: unknown[] = [input]
  const depths: number[] = [0]
  while (stack.length > 0) {
    const value = stack.pop()
    const depth = depths.pop() as number
    if (typeof value === 'function') {
      throw new QueryError('WHERE_NOT_ALLOWED', `JavaScript functions are not allowed in a ${what}`)
    }
    const isArray = Array.isArray(value)
    if (!isArray && !isTraversable(value)) continue
    if (depth > maxDepth) {
      throw new QueryError(
        'FILTER_TOO_DEEP',
        `The ${what} is nested deeper than ${maxDepth} levels`
      )
    }
    if (isArray) {
      for (const el of value) {
        stack.push(el)
        depths.push(depth + 1)
      }
      continue
    }
    for (const key of Object.keys(value)) {
      assertSafeKey(key, `a ${what}`)
      if (key.includes('.')) for (const part of key.split('.')) assertSafeKey(part, `a ${what}`)
      stack.push(value[key])
      depths.push(depth + 1)
    }
  }
}
