/**
 * `$pull` conditions. A plain value removes equal elements; an object of operators (`{ $gte: 6 }`)
 * is matched against each element as a value; an object with field names (`{ size: 'M' }`) is a
 * query matched against elements that are documents, as MongoDB does.
 */
import { compileFilter } from '../query/index.js'
import { isPlainObject } from '../values/bson.js'
import { valuesEqual } from '../values/compare.js'

const LOGICAL = new Set(['$and', '$or', '$nor'])

/** Compiles a `$pull` argument into a predicate over array elements. */
export function compilePull(condition: unknown): (element: unknown) => boolean {
  if (condition instanceof RegExp) {
    return (element) =>
      typeof element === 'string'
        ? testRegExp(condition, element)
        : element instanceof RegExp && String(element) === String(condition)
  }
  if (!isPlainObject(condition)) return (element) => valuesEqual(element, condition)
  const keys = Object.keys(condition)
  const operatorMode = keys.length > 0 && keys[0].startsWith('$') && !LOGICAL.has(keys[0])
  if (operatorMode) {
    const match = compileFilter({ v: condition })
    return (element) => match({ v: element })
  }
  const match = compileFilter(condition)
  return (element) => isPlainObject(element) && match(element)
}

function testRegExp(re: RegExp, value: string): boolean {
  // A global or sticky RegExp keeps state between tests; reset it so each element is judged alone.
  re.lastIndex = 0
  return re.test(value)
}
