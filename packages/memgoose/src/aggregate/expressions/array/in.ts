/** `$in`: whether a value is an element of an array (the array must be an array). */
import { valuesEqual } from '../../../values/compare.js'
import { arr, compileList } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$in`. */
export const inOp: ExpressionOperator = (args, compile, name) => {
  const [needle, haystack] = compileList(name, args, compile, 2)
  return (doc, vars) => {
    const v = needle(doc, vars)
    const list = arr(name, haystack(doc, vars), 'second argument')
    // A missing value is its own type in aggregation: it equals no element, not even null.
    if (v === undefined) return false
    for (const el of list) if (valuesEqual(el, v)) return true
    return false
  }
}
