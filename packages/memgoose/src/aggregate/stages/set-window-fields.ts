/**
 * `$setWindowFields`: `{ partitionBy?, sortBy?, output: { field: { $op: args, window? } } }`.
 * Partitions keep first-seen order and are sorted by `sortBy`; accumulator operators run over each
 * document's window (cumulative windows incrementally), rank operators over the sort keys.
 */
import { isPlainObject } from '../../values/bson.js'
import { valuesEqual } from '../../values/compare.js'
import { QueryError } from '../../errors/index.js'
import { accumulators } from '../accumulators/index.js'
import { compileExpression } from '../expressions/compile.js'
import { compileSpec, integral } from '../expressions/helpers.js'
import type { Evaluate, Vars } from '../expressions/types.js'
import { fieldParts, withField } from '../doc-path.js'
import { groupKey } from '../group-key.js'
import type { Doc } from '../types.js'
import { blockingStage } from './batches.js'
import { badStage } from './errors.js'
import { compileKeyedSort } from './sort.js'
import { parseWindow, windowAt, type WindowSpec } from './window-bounds.js'
import type { StageCompiler } from './types.js'

/** Computes one output field for every document of a sorted partition. */
type WindowFn = (docs: Doc[], sortKeys: unknown[][], vars: Vars) => unknown[]

const RANKS = new Set(['$rank', '$denseRank', '$documentNumber'])

function rankFn(op: string): WindowFn {
  return (docs, keys) => {
    const out: unknown[] = []
    let rank = 0
    let dense = 0
    for (let i = 0; i < docs.length; i++) {
      const tied = i > 0 && keys[i].every((k, j) => valuesEqual(k, keys[i - 1][j]))
      if (!tied) {
        rank = i + 1
        dense++
      }
      out.push(op === '$rank' ? rank : op === '$denseRank' ? dense : i + 1)
    }
    return out
  }
}

function shiftFn(stage: string, args: unknown): WindowFn {
  const spec = compileSpec(
    '$shift',
    args,
    compileExpression,
    ['output', 'by'] as const,
    ['default'] as const
  )
  const by = integral('$shift', (args as { by: unknown }).by, "'by'")
  const fallback: Evaluate = spec.default ?? (() => null)
  if (!Number.isFinite(by)) throw badStage(stage, '$shift needs an integer by')
  return (docs, _keys, vars) =>
    docs.map((doc, i) => {
      const j = i + by
      if (j < 0 || j >= docs.length) return fallback(doc, vars)
      const v = spec.output!(docs[j], vars)
      return v === undefined ? null : v
    })
}

function accumulatorFn(
  stage: string,
  op: string,
  args: unknown,
  window: WindowSpec,
  sortPaths: number
): WindowFn {
  const compiled = accumulators[op](args, compileExpression, op)
  if (window.kind === 'range' && sortPaths !== 1) {
    throw badStage(stage, 'a range window needs exactly one sortBy field')
  }
  return (docs, keys, vars) => {
    const out: unknown[] = []
    const firstKeys = keys.map((k) => k[0])
    const cumulative = window.kind === 'documents' && window.lo === -Infinity && window.hi === 0
    if (window.kind === 'all' || cumulative) {
      const state = compiled.create()
      if (window.kind === 'all') {
        for (const doc of docs) state.add(doc, vars)
        const v = state.result()
        return docs.map(() => v)
      }
      for (const doc of docs) {
        state.add(doc, vars)
        out.push(state.result())
      }
      return out
    }
    for (let i = 0; i < docs.length; i++) {
      const [start, end] = windowAt(window, i, firstKeys)
      const state = compiled.create()
      for (let k = start; k < end; k++) state.add(docs[k], vars)
      out.push(state.result())
    }
    return out
  }
}

/** Compiles `$setWindowFields`. */
export const setWindowFields: StageCompiler = (spec, _env, name) => {
  if (!isPlainObject(spec) || !isPlainObject(spec.output))
    throw badStage(name, "requires an 'output' object")
  for (const key of Object.keys(spec)) {
    if (!['partitionBy', 'sortBy', 'output'].includes(key))
      throw badStage(name, `unknown argument "${key}"`)
  }
  const partitionBy =
    spec.partitionBy === undefined ? undefined : compileExpression(spec.partitionBy)
  const sorter = spec.sortBy === undefined ? undefined : compileKeyedSort(name, spec.sortBy)
  const sortPaths = sorter ? sorter.keys.length : 0
  const outputs: { parts: readonly string[]; fn: WindowFn }[] = []
  for (const [field, def] of Object.entries(spec.output)) {
    if (!isPlainObject(def)) throw badStage(name, `the output "${field}" must be an object`)
    const ops = Object.keys(def).filter((k) => k !== 'window')
    if (ops.length !== 1)
      throw badStage(name, `the output "${field}" needs exactly one window operator`)
    const op = ops[0]
    let fn: WindowFn
    if (RANKS.has(op)) {
      if (!sorter) throw badStage(name, `${op} requires sortBy`)
      if (def.window !== undefined) throw badStage(name, `${op} does not accept a window`)
      fn = rankFn(op)
    } else if (op === '$shift') {
      if (!sorter) throw badStage(name, '$shift requires sortBy')
      fn = shiftFn(name, def[op])
    } else if (Object.hasOwn(accumulators, op)) {
      const window = parseWindow(name, def.window)
      if (window.kind !== 'all' && !sorter)
        throw badStage(name, `the window of "${field}" requires sortBy`)
      fn = accumulatorFn(name, op, def[op], window, sortPaths)
    } else {
      throw new QueryError(
        'UNKNOWN_OPERATOR',
        `${name}: unknown window operator ${op} for "${field}"`
      )
    }
    outputs.push({ parts: fieldParts(field), fn })
  }
  return blockingStage(name, (docs, rt) => {
    const partitions = new Map<unknown, Doc[]>()
    for (const doc of docs) {
      const key = partitionBy ? groupKey(partitionBy(doc, rt.vars)) : null
      const list = partitions.get(key)
      if (list) list.push(doc)
      else partitions.set(key, [doc])
    }
    const out: Doc[] = []
    for (const list of partitions.values()) {
      let sorted = list
      let keys: unknown[][] = list.map(() => [])
      if (sorter) {
        const keyed = list.map(sorter.keyOf).sort(sorter.compare)
        sorted = keyed.map((k) => k.doc)
        keys = keyed.map((k) => k.keys)
      }
      const columns = outputs.map((o) => o.fn(sorted, keys, rt.vars))
      sorted.forEach((doc, i) => {
        let next = doc
        outputs.forEach((o, j) => {
          next = withField(next, o.parts, columns[j][i])
        })
        out.push(next)
      })
    }
    return out
  })
}
