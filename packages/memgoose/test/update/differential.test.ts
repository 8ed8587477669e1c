/**
 * Differential fuzz test: seeded random documents × random updates, applied by memgoose and by mingo
 * (v7 `update`), must agree. Where MongoDB and mingo disagree, MongoDB wins and the case is checked
 * against MongoDB's rule instead. The documented exceptions:
 *
 * 1. Errors. MongoDB rejects type mismatches (`$inc` on a string, `$push` onto a non-array), fields
 *    created inside scalars, array updates on missing or non-array fields, and conflicting paths;
 *    mingo skips them silently or applies part of the update. We assert a coded error with MongoDB's
 *    message and an untouched input document.
 * 2. `$addToSet` with duplicates: mingo de-duplicates the existing array and keeps duplicates of
 *    `$each` on a new field; MongoDB leaves existing elements alone and never adds a value twice.
 * 3. `$push` modifiers on a missing field: mingo ignores `$sort`/`$slice`/`$position` there; MongoDB
 *    applies them to the new array.
 * 4. Field order: MongoDB (5.0+) adds new fields in lexicographic order, mingo in operator order, so
 *    documents are compared with sorted keys (field order has its own tests in set-unset.test.ts).
 * 5. Padding: `$set` past the end of an array pads with nulls in MongoDB, with holes in mingo; holes
 *    are read as null when comparing (null padding is asserted in set-unset.test.ts).
 * 6. Negative zero: integral numbers are MongoDB ints, which have no -0, so `$mul` of int 0 by a
 *    negative int is 0 and not a modification; mingo writes -0. (Doubles keep -0 in both.)
 * 7. `$[]` next to `$[<id>]` on one array: mingo rejects the pair up front; MongoDB only when both
 *    reach the same element. When they reach none in common, the result must equal applying the
 *    operators one after the other, the filtered one first (checked with mingo, one at a time).
 */
import { update as mingoUpdate } from 'mingo'
import { describe, expect, it } from 'vitest'
import { MemgooseError } from '../../src/errors/index.js'
import { compareValues, valuesEqual } from '../../src/values/compare.js'
import { getPath } from '../../src/values/paths.js'
import { applyUpdate, compileUpdate } from '../../src/update/index.js'
import { Gen, randomUpdate, sortKeys } from './fuzz-support.js'

const CASES = 6000

/** MongoDB's messages for the updates it rejects (exception 1). */
const MONGODB_REJECTIONS: Readonly<Record<string, RegExp>> = {
  TYPE_MISMATCH:
    /^(Cannot apply \$(inc|mul) to a value of non-numeric type|The field '\w+' must be an array|Cannot apply \$addToSet to non-array field|Path '\w+' contains an element of non-array type|Cannot apply \$pull(All)? to a non-array value|Cannot apply \$bit to a value of non-integral type)/,
  BAD_UPDATE:
    /^(Cannot create field '\w+' in element|The path '\w+' must exist in the document in order to apply array updates|Cannot apply array updates to non-array element)/,
  CONFLICTING_UPDATE:
    /^(Updating the path '[\w.$[\]]+' would create a conflict at '[\w.$[\]]+'|Update created a conflict at '[\w.]+')$/,
}

function addToSetOracle(existing: unknown, items: readonly unknown[]): unknown[] {
  const out = Array.isArray(existing) ? [...existing] : []
  for (const item of items) if (!out.some((e) => valuesEqual(e, item))) out.push(item)
  return out
}

function pushOntoMissingOracle(spec: Record<string, unknown>): unknown[] {
  let out = [...(spec.$each as unknown[])]
  if (spec.$sort !== undefined) out.sort((a, b) => (spec.$sort as number) * compareValues(a, b))
  const slice = spec.$slice as number | undefined
  if (slice !== undefined)
    out = slice >= 0 ? out.slice(0, slice) : out.slice(Math.max(0, out.length + slice))
  return out
}

function hasDuplicates(values: readonly unknown[]): boolean {
  return values.some((v, i) => values.findIndex((w) => valuesEqual(v, w)) !== i)
}

/** Replaces mingo's result on the fields where exceptions 2 and 3 apply; returns how many. */
function applyMongoRules(
  before: Record<string, unknown>,
  update: Record<string, Record<string, unknown>>,
  theirs: Record<string, unknown>
): number {
  let replaced = 0
  for (const [field, arg] of Object.entries(update.$addToSet ?? {})) {
    const items = (arg as { $each?: unknown[] }).$each ?? [arg]
    const existing = before[field]
    if (hasDuplicates(items) || (Array.isArray(existing) && hasDuplicates(existing))) {
      theirs[field] = addToSetOracle(existing, items)
      replaced++
    }
  }
  for (const [field, arg] of Object.entries(update.$push ?? {})) {
    const spec = arg as Record<string, unknown>
    const modifiers =
      spec.$sort !== undefined || spec.$slice !== undefined || spec.$position !== undefined
    if (before[field] === undefined && spec.$each !== undefined && modifiers) {
      theirs[field] = pushOntoMissingOracle(spec)
      replaced++
    }
  }
  for (const [field, factor] of Object.entries(update.$mul ?? {})) {
    const integral = Number.isInteger(getPath(before, field)) && Number.isInteger(factor)
    if (integral && Object.is(getPath(theirs, field), -0)) {
      setTopOrNested(theirs, field, 0)
      replaced++
    }
  }
  return replaced
}

function setTopOrNested(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let node = doc as Record<string, unknown>
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>
  node[parts[parts.length - 1]] = value
}

function usesAllAndFiltered(update: Record<string, Record<string, unknown>>): boolean {
  const paths = Object.values(update).flatMap((fields) => Object.keys(fields))
  return paths.some((p) => p.includes('.$[].')) || paths.some((p) => p.endsWith('.$[]'))
    ? paths.some((p) => p.includes('.$[e]'))
    : false
}

describe('differential: memgoose update vs mingo', () => {
  it(`agrees with mingo (or MongoDB's documented rule) on ${CASES} random cases`, () => {
    const g = new Gen(20261123)
    const tally = { compared: 0, mongoRule: 0, rejected: 0 }
    for (let i = 0; i < CASES; i++) {
      const doc = g.doc(i)
      const { update, arrayFilters } = randomUpdate(g)
      const label = `case ${i}: ${JSON.stringify(doc)} ${JSON.stringify(update)} ${JSON.stringify(arrayFilters)}`
      const snapshot = structuredClone(doc)
      let ours: { doc: unknown; modified: boolean } | undefined
      let error: unknown
      try {
        ours = applyUpdate(doc as never, compileUpdate(update), { arrayFilters })
      } catch (e) {
        error = e
      }
      expect(doc, label).toEqual(snapshot)
      if (ours === undefined) {
        expect(error, label).toBeInstanceOf(MemgooseError)
        const { code, message } = error as MemgooseError
        expect(MONGODB_REJECTIONS[code as string], `${label} ${String(code)}`).toBeDefined()
        expect(message, label).toMatch(MONGODB_REJECTIONS[code as string])
        tally.rejected++
        continue
      }
      const theirs = structuredClone(snapshot)
      let replaced = 0
      try {
        mingoUpdate(theirs, update as never, arrayFilters)
      } catch (e) {
        expect(String(e), label).toMatch(/would create a conflict/)
        expect(usesAllAndFiltered(update), label).toBe(true)
        // Filtered operator first: MongoDB matches array filters against the original elements.
        const filtered = (fields: unknown) => JSON.stringify(fields).includes('$[e]')
        const ops = Object.entries(update).sort(
          ([, a], [, b]) => Number(filtered(b)) - Number(filtered(a))
        )
        for (const [op, fields] of ops) {
          const filters = filtered(fields) ? arrayFilters : undefined
          mingoUpdate(theirs, { [op]: fields } as never, filters)
        }
        replaced++
      }
      replaced += applyMongoRules(snapshot, update, theirs)
      expect(sortKeys(ours.doc), label).toEqual(sortKeys(theirs))
      // mingo's list of changed paths is not MongoDB's modifiedCount (it reports a `$slice` that
      // trims an array back to itself as a change, and an empty `$push` result as none), so
      // `modified` is checked against the documents themselves.
      expect(ours.modified, label).toBe(JSON.stringify(ours.doc) !== JSON.stringify(snapshot))
      if (replaced > 0) tally.mongoRule++
      else tally.compared++
    }
    // The generator must keep exercising all three outcomes, mostly plain agreement.
    expect(tally.compared).toBeGreaterThan(CASES / 2)
    expect(tally.mongoRule).toBeGreaterThan(50)
    expect(tally.rejected).toBeGreaterThan(200)
  })
})
