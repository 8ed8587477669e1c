/** `$setIntersection`: distinct elements present in every array; null/missing anywhere gives null. */
import { ValueSet } from '../../value-set.js'
import { arr, compileList, isNullish } from '../helpers.js'
import type { ExpressionOperator } from '../types.js'

/** Compiles `$setIntersection`. */
export const setIntersection: ExpressionOperator = (args, compile, name) => {
  const items = compileList(name, args, compile, 0, Infinity)
  return (doc, vars) => {
    let current: ValueSet | undefined
    for (const item of items) {
      const v = item(doc, vars)
      if (isNullish(v)) return null
      const next = new ValueSet()
      for (const el of arr(name, v)) if (!current || current.has(el)) next.add(el)
      current = next
    }
    return current ? current.values() : []
  }
}
