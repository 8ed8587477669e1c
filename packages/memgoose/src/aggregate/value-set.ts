/**
 * A set of values under MongoDB equality (`1` equals `1.0`, objects by content), used by the set
 * operators and `$addToSet`. Numbers, strings and booleans hash; other values are compared linearly.
 */
import { valuesEqual } from '../values/compare.js'

/** Insertion-ordered set with MongoDB value equality. */
export class ValueSet {
  #primitives = new Set<unknown>()
  #others: unknown[] = []
  #values: unknown[] = []

  /** Adds `value`; returns false when an equal value was already present. */
  add(value: unknown): boolean {
    if (this.has(value)) return false
    if (isHashable(value)) this.#primitives.add(value)
    else this.#others.push(value)
    this.#values.push(value)
    return true
  }

  /** True when an equal value is present. */
  has(value: unknown): boolean {
    if (isHashable(value)) return this.#primitives.has(value)
    for (const other of this.#others) if (valuesEqual(other, value)) return true
    return false
  }

  /** Number of distinct values. */
  get size(): number {
    return this.#values.length
  }

  /** The distinct values in insertion order (the live array: copy before mutating). */
  values(): unknown[] {
    return this.#values
  }
}

function isHashable(value: unknown): boolean {
  const t = typeof value
  // -0 and 0 are one value in a JS Set, as MongoDB treats them.
  return t === 'string' || t === 'boolean' || (t === 'number' && !Number.isNaN(value))
}
