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
    const x = v === undefined ? null : v
    for (const el of list) if (valuesEqual(el, x)) return true
    return false
  }
}
