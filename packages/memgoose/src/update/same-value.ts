/**
 * Identity of stored values as MongoDB judges a no-op update: same BSON type and same value, so
 * `$set: { n: 1 }` on `n: 1` modifies nothing while `1` → `Decimal128('1')` or `1` → `Long(1)` does.
 */
import { isDecimal128, isPlainObject } from '../values/bson.js'
import { bsonTypeAlias } from '../values/type-order.js'
import { compareValues } from '../values/compare.js'

/** True when writing `b` over `a` would leave the stored bytes unchanged (field order included). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b)
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false
    return true
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false
    const ka = Object.keys(a)
    const kb = Object.keys(b)
    if (ka.length !== kb.length) return false
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i] || !sameValue(a[ka[i]], b[kb[i]])) return false
    }
    return true
  }
  if (bsonTypeAlias(a) !== bsonTypeAlias(b)) return false
  // Decimal128 keeps its exponent: 1.0 and 1.00 are different stored values.
  if (isDecimal128(a)) return a.toString() === (b as object).toString()
  return compareValues(a, b) === 0
}
