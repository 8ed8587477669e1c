/**
 * Where mingo (the differential oracle) departs from MongoDB, and how to recognise such a case.
 * The differential test splits a disagreeing filter into single-operator conditions; each condition
 * on which memgoose and mingo disagree must fall in one of these classes, and mingo-differences.test.ts
 * asserts memgoose's (MongoDB's) behaviour for every class explicitly.
 */

type Doc = Record<string, unknown>

/** A single-operator condition `{ path: literal }` or `{ path: { $op: operand } }`. */
export interface Leaf {
  readonly path: string
  readonly op: string
  readonly operand: unknown
}

const isContainer = (x: unknown): x is object =>
  typeof x === 'object' && x !== null && !(x instanceof Date) && !(x instanceof RegExp)

function some(v: unknown, pred: (x: unknown) => boolean): boolean {
  if (pred(v)) return true
  if (Array.isArray(v)) return v.some((x) => some(x, pred))
  if (isContainer(v)) return Object.values(v).some((x) => some(x, pred))
  return false
}

/** Resolves a path through objects only; `viaArray` when an array was met before its end. */
function resolve(doc: unknown, path: string): { value: unknown; viaArray: boolean } {
  let cur = doc
  for (const part of path.split('.')) {
    if (Array.isArray(cur)) return { value: undefined, viaArray: true }
    if (!isContainer(cur)) return { value: undefined, viaArray: false }
    cur = (cur as Doc)[part]
  }
  return { value: cur, viaArray: false }
}

/** True when a path reaches an array value after stepping through an array. */
function arrayThroughArray(cur: unknown, parts: string[], i: number, via: boolean): boolean {
  if (i === parts.length) return via && Array.isArray(cur)
  if (Array.isArray(cur)) {
    const index = /^\d+$/.test(parts[i]) ? Number(parts[i]) : -1
    if (index >= 0 && arrayThroughArray(cur[index], parts, i + 1, true)) return true
    return cur.some((el) => arrayThroughArray(el, parts, i, true))
  }
  if (!isContainer(cur)) return false
  return arrayThroughArray((cur as Doc)[parts[i]], parts, i + 1, via)
}

/** True when, before its end, a path meets an array that is empty or holds a non-document. */
function scalarArrayMidPath(cur: unknown, parts: string[], i: number): boolean {
  if (i === parts.length) return false
  if (Array.isArray(cur)) {
    if (cur.length === 0 || cur.some((el) => !isContainer(el))) return true
    return cur.some((el) => scalarArrayMidPath(el, parts, i))
  }
  if (!isContainer(cur)) return false
  return scalarArrayMidPath((cur as Doc)[parts[i]], parts, i + 1)
}

const ORDERING = new Set(['$gt', '$gte', '$lt', '$lte'])

/** Splits a filter into its single-operator conditions (through `$and`, `$or`, `$nor`). */
export function leavesOf(filter: Doc, out: Leaf[] = []): Leaf[] {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      for (const clause of value as Doc[]) leavesOf(clause, out)
    } else if (
      isContainer(value) &&
      !Array.isArray(value) &&
      Object.keys(value)[0]?.startsWith('$')
    ) {
      const ops = value as Doc
      for (const op of Object.keys(ops)) {
        if (op === '$options') continue
        const operand = op === '$regex' && '$options' in ops ? ops : ops[op]
        out.push({ path: key, op, operand })
      }
    } else out.push({ path: key, op: '$eq', operand: value })
  }
  return out
}

/** The filter a leaf stands for. */
export function filterOf(leaf: Leaf): Doc {
  if (leaf.op === '$regex' && isContainer(leaf.operand) && '$options' in leaf.operand) {
    return { [leaf.path]: leaf.operand }
  }
  return { [leaf.path]: { [leaf.op]: leaf.operand } }
}

/**
 * The documented difference explaining a disagreement on `leaf` for `doc`, or undefined when there
 * is none (a real bug on one side).
 */
export function knownDifference(leaf: Leaf, doc: Doc): string | undefined {
  const { path, op, operand } = leaf
  if (op === '$not' && isContainer(operand) && !(operand instanceof RegExp)) {
    for (const [inner, x] of Object.entries(operand)) {
      const found = knownDifference({ path, op: inner, operand: x }, doc)
      if (found) return found
    }
  }
  const subtree = doc[path.split('.')[0]]
  const { value, viaArray } = resolve(doc, path)
  if (some(subtree, (x) => Array.isArray(x) && x.some(Array.isArray))) return 'nested arrays'
  if (ORDERING.has(op)) {
    if (operand === null && (op === '$gte' || op === '$lte'))
      return '$gte/$lte null on missing fields'
    if (Number.isNaN(operand) || some(subtree, Number.isNaN)) return 'ordering with NaN'
    if (isContainer(operand)) return 'ordering against objects and arrays'
    if (arrayThroughArray(doc, path.split('.'), 0, false))
      return 'ordering over arrays of subdocuments'
  }
  if (op === '$mod' && some(subtree, (x) => !isContainer(x) && !Number.isInteger(x))) {
    return '$mod on non-integers and non-numbers'
  }
  if (op === '$type') {
    if (some(subtree, Array.isArray)) return '$type on array elements'
    if (some(subtree, Number.isNaN)) return '$type of NaN'
    if (['double', 'int', 1, 16].includes(operand as string)) return '$type int versus double'
  }
  if (op === '$all' && !Array.isArray(value)) return '$all on a non-array'
  const nullish = operand === null || (Array.isArray(operand) && operand.includes(null))
  if (nullish && viaArray) return 'null through arrays of subdocuments'
  if ((op === '$size' || Array.isArray(operand)) && viaArray)
    return 'path through arrays of scalars'
  if (op === '$exists' && scalarArrayMidPath(doc, path.split('.'), 0)) {
    return '$exists through arrays of scalars'
  }
  if (op === '$elemMatch') {
    if (isContainer(operand) && Object.keys(operand).some((k) => k.startsWith('$'))) {
      for (const [inner, x] of Object.entries(operand)) {
        if (inner === '$all' && Array.isArray(value) && value.some((el) => !Array.isArray(el))) {
          return '$all on a non-array'
        }
        const found = knownDifference({ path, op: inner, operand: x }, doc)
        if (found) return found
      }
    }
    if (viaArray) return '$elemMatch through arrays'
    const objectForm =
      isContainer(operand) &&
      !Object.keys(operand).some((k) => k.startsWith('$') && !['$and', '$or', '$nor'].includes(k))
    if (objectForm && Array.isArray(value)) {
      if (value.some((x) => !isContainer(x))) return '$elemMatch object form on scalars'
      for (const el of value) {
        for (const inner of leavesOf(operand as Doc)) {
          const found = knownDifference(inner, el as Doc)
          if (found) return found
        }
      }
    }
  }
  if ((op === '$in' || op === '$nin') && Array.isArray(operand) && operand.some(Array.isArray)) {
    return '$in with array members'
  }
  return undefined
}
