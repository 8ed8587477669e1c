/**
 * Inputs and outputs of the query planner.
 */
import type { EngineCapabilities, IndexInfo, KeyRange, ScanPlan } from '../engine/contract.js'
import type { SortSpec } from '../query/index.js'

/** A sort as the query gives it: `{ age: -1, name: 'asc' }` or `[['age', -1], ['name', 1]]`. */
export type SortInput =
  Record<string, unknown> | readonly (readonly [path: string, direction: unknown])[]

/** What the planner needs to know about one query. */
export interface PlanQueryInput {
  /** The cast filter (top level and `$and` members are read for index bounds). */
  readonly filter: Record<string, unknown>
  /** Any form compileSort accepts (`{ age: -1 }`, `'-age'`, `[['age', -1]]`). */
  readonly sort?: SortSpec
  readonly skip?: number
  readonly limit?: number
  /** The collection's indexes, as `listIndexes()` reports them. */
  readonly indexes: readonly IndexInfo[]
  readonly capabilities: EngineCapabilities
  /** Force an index: its name, or its key pattern (`{ email: 1 }`). */
  readonly hint?: string | Record<string, unknown>
}

/** The chosen plan, loosely shaped like MongoDB's `queryPlanner.winningPlan`. */
export interface PlanExplain {
  readonly stage: 'IXSCAN' | 'COLLSCAN' | 'IDHACK'
  readonly indexName?: string
  readonly keyPattern?: Record<string, 1 | -1>
  readonly ranges?: readonly KeyRange[]
  readonly reverse: boolean
  readonly sortCovered: boolean
  readonly pushdown: { readonly filter: boolean; readonly sort: boolean }
  /** Why this plan won (`'unique equality'`, `'equality'`, `'$in'`, `'range'`, `'sort'`, `'hint'`, `'no usable index'`). */
  readonly reason: string
}

/** The planner's answer. */
export interface QueryPlan {
  readonly plan: ScanPlan
  /**
   * Documents come back in the requested sort order (index order or engine sort pushdown): the
   * core must not sort again.
   */
  readonly sortCovered: boolean
  /**
   * The engine applies the filter exactly (`plan.filter`); the core may skip its own predicate.
   * When `sortPushdown` is also true, `plan.sort/skip/limit` are applied by the engine too.
   */
  readonly filterPushdown: boolean
  readonly sortPushdown: boolean
  readonly explain: PlanExplain
}
