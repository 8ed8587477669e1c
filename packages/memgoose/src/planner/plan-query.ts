/**
 * The query planner: picks an index (or a full scan) for a cast filter and sort, and says what the
 * engine can do itself. Index results are always re-checked by the core with the full predicate,
 * so a plan may over-select but never miss a matching document.
 *
 * Choice, best first: equality on every field of a unique index; equality; `$in`; range; then, for
 * a sort with no usable filter bounds, an index walk in sort order; else a full scan. Ties go to the
 * index bounding more key fields, then to one that also yields the sort order. A partial index is
 * used only when the filter repeats its partial conditions; a sparse index only when the bounds
 * exclude null (so no matching document can be missing from it).
 */
import type { IndexInfo, IndexKeyField, ScanPlan } from '../engine/contract.js'
import { QueryError } from '../errors/index.js'
import { normalizeSort } from '../query/index.js'
import { isPlainObject } from '../values/bson.js'
import { valuesEqual } from '../values/compare.js'
import { collectConditions } from './conditions.js'
import type { IndexBounds } from './index-bounds.js'
import { indexBounds } from './index-bounds.js'
import { sortDirection } from './sort-order.js'
import type { PlanExplain, PlanQueryInput, QueryPlan } from './types.js'

const KIND_SCORE = { eq: 300, in: 200, range: 100 } as const

interface Candidate {
  readonly index: IndexInfo
  readonly bounds: IndexBounds | undefined
  readonly score: number
  readonly reason: string
}

/** Plans one query. Throws QueryError `BAD_HINT` for a hint naming no index. */
export function planQuery(input: PlanQueryInput): QueryPlan {
  const { filter, capabilities } = input
  const sortFields = input.sort === undefined ? undefined : normalizeSort(input.sort)
  const sort = sortFields !== undefined && sortFields.length > 0 ? sortFields : undefined
  const conditions = collectConditions(filter)
  const candidates: Candidate[] = []
  if (input.hint !== undefined) {
    const index = findHinted(input.indexes, input.hint)
    candidates.push({ index, bounds: indexBounds(index, conditions), score: 0, reason: 'hint' })
  } else {
    for (const index of input.indexes) {
      if (!partialImplied(index, conditions)) continue
      const bounds = indexBounds(index, conditions)
      if (bounds !== undefined) {
        if (index.sparse === true && bounds.includesNull) continue
        const unique = bounds.exact && index.unique === true
        const covers =
          sort !== undefined && sortDirection(index, sort, bounds.singlePoint) !== undefined
        const score =
          (unique ? 1000 : KIND_SCORE[bounds.kind]) + bounds.fields * 10 + (covers ? 5 : 0)
        const reason = unique
          ? 'unique equality'
          : bounds.kind === 'in'
            ? '$in'
            : bounds.kind === 'eq'
              ? 'equality'
              : 'range'
        candidates.push({ index, bounds, score, reason })
      } else if (
        sort !== undefined &&
        index.sparse !== true &&
        index.partialFilterExpression === undefined &&
        sortDirection(index, sort, 0) !== undefined
      ) {
        candidates.push({ index, bounds: undefined, score: 1, reason: 'sort' })
      }
    }
  }
  let best: Candidate | undefined
  for (const c of candidates) if (best === undefined || c.score > best.score) best = c

  const direction =
    best !== undefined && sort !== undefined
      ? sortDirection(best.index, sort, best.bounds?.singlePoint ?? 0)
      : undefined
  const filterPushdown = capabilities.filterPushdown
  const sortPushdown = filterPushdown && capabilities.sortPushdown
  const hasFilter = filterPushdown && Object.keys(filter).length > 0
  const plan: Mutable<ScanPlan> = {}
  if (best !== undefined) {
    plan.index = best.index.name
    if (best.bounds !== undefined) plan.ranges = best.bounds.ranges
    if (direction === 'reverse') plan.reverse = true
  }
  if (hasFilter) plan.filter = filter
  if (sortPushdown) {
    if (sort !== undefined && direction === undefined) plan.sort = sort
    if (input.skip !== undefined && input.skip > 0) plan.skip = input.skip
    if (input.limit !== undefined && input.limit > 0) plan.limit = input.limit
  }
  const sortCovered =
    sort === undefined || direction !== undefined || (sortPushdown && plan.sort !== undefined)
  return new Planned(
    plan,
    sortCovered,
    filterPushdown,
    sortPushdown,
    best,
    direction,
    sort,
    hasFilter
  )
}

/** A QueryPlan whose explanation is built only when asked for. */
class Planned implements QueryPlan {
  readonly plan: ScanPlan
  readonly sortCovered: boolean
  readonly filterPushdown: boolean
  readonly sortPushdown: boolean
  readonly #best: Candidate | undefined
  readonly #direction: 'forward' | 'reverse' | undefined
  readonly #sorted: boolean
  readonly #filterPushed: boolean

  constructor(
    plan: ScanPlan,
    sortCovered: boolean,
    filterPushdown: boolean,
    sortPushdown: boolean,
    best: Candidate | undefined,
    direction: 'forward' | 'reverse' | undefined,
    sort: readonly IndexKeyField[] | undefined,
    filterPushed: boolean
  ) {
    this.plan = plan
    this.sortCovered = sortCovered
    this.filterPushdown = filterPushdown
    this.sortPushdown = sortPushdown
    this.#best = best
    this.#direction = direction
    this.#sorted = sort !== undefined
    this.#filterPushed = filterPushed
  }

  get explain(): PlanExplain {
    const best = this.#best
    return {
      stage:
        best === undefined
          ? 'COLLSCAN'
          : best.index.name === '_id_' && best.bounds?.exact === true
            ? 'IDHACK'
            : 'IXSCAN',
      ...(best !== undefined && {
        indexName: best.index.name,
        keyPattern: Object.fromEntries(best.index.key),
        ranges: best.bounds?.ranges ?? [],
      }),
      reverse: this.#direction === 'reverse',
      sortCovered: this.#sorted && this.sortCovered,
      pushdown: { filter: this.#filterPushed, sort: this.sortPushdown },
      reason: best?.reason ?? 'no usable index',
    }
  }
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

function findHinted(
  indexes: readonly IndexInfo[],
  hint: string | Record<string, unknown>
): IndexInfo {
  const found =
    typeof hint === 'string'
      ? indexes.find((i) => i.name === hint)
      : indexes.find((i) => {
          const keys = Object.entries(hint)
          return (
            keys.length === i.key.length &&
            keys.every(([p, d], n) => i.key[n][0] === p && i.key[n][1] === d)
          )
        })
  if (found === undefined) {
    throw new QueryError('BAD_HINT', `hint provided does not correspond to an existing index`)
  }
  return found
}

/**
 * True when every condition of the index's partial filter appears, identical, in the query (an
 * `$exists: true` condition is also implied by an equality or range on the same path).
 */
function partialImplied(index: IndexInfo, conditions: ReadonlyMap<string, unknown[]>): boolean {
  const partial = index.partialFilterExpression
  if (partial === undefined) return true
  for (const path of Object.keys(partial)) {
    if (path.startsWith('$')) return false
    const wanted = partial[path]
    const present = conditions.get(path)
    if (present === undefined) return false
    if (present.some((c) => valuesEqual(c, wanted))) continue
    if (isExistsTrue(wanted) && present.some(impliesExists)) continue
    return false
  }
  return true
}

function isExistsTrue(cond: unknown): boolean {
  return isPlainObject(cond) && Object.keys(cond).length === 1 && cond.$exists === true
}

function impliesExists(cond: unknown): boolean {
  if (!isPlainObject(cond)) return cond !== null && cond !== undefined && !(cond instanceof RegExp)
  const keys = Object.keys(cond)
  if (keys.length === 0 || !keys.every((k) => k.startsWith('$'))) return true
  return keys.some((k) =>
    k === '$eq'
      ? cond[k] !== null && cond[k] !== undefined
      : ['$gt', '$gte', '$lt', '$lte'].includes(k) && cond[k] !== null
  )
}
