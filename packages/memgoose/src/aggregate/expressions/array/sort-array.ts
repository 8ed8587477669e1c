/** `$sortArray`: `{ input, sortBy }` where sortBy is 1/-1 (whole values) or `{ field: ±1 }`. */
import { isPlainObject } from '../../../values/bson.js'
import { compareValues } from '../../../values/compare.js'
import { badExpression } from '../errors.js'
import { readPath } from '../field-path.js'
import { arr, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$sortArray`. */
export const sortArray: ExpressionOperator = (args, compile, name) => {
  if (!isPlainObject(args) || !('input' in args) || !('sortBy' in args)) {
    throw badExpression(name, 'requires { input, sortBy }')
  }
  const input = compile(args.input)
  const comparator = buildComparator(name, args.sortBy)
  return (doc, vars) => {
    const v = input(doc, vars)
    return isNullish(v) ? null : arr(name, v, 'input').slice().sort(comparator)
  }
}

function buildComparator(name: string, sortBy: unknown): (a: unknown, b: unknown) => number {
  if (sortBy === 1 || sortBy === -1) return (a, b) => sortBy * compareValues(a, b)
  if (!isPlainObject(sortBy) || Object.keys(sortBy).length === 0) {
    throw badExpression(name, 'sortBy must be 1, -1 or a sort specification')
  }
  const keys = Object.entries(sortBy).map(([path, dir]) => {
    if (dir !== 1 && dir !== -1)
      throw badExpression(name, `sort direction for "${path}" must be 1 or -1`)
    return { path, dir }
  })
  return (a, b) => {
    for (const { path, dir } of keys) {
      const x = isPlainObject(a) ? readPath(a, path) : undefined
      const y = isPlainObject(b) ? readPath(b, path) : undefined
      const c = compareValues(x, y)
      if (c !== 0) return dir * c
    }
    return 0
  }
}
