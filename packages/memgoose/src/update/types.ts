/**
 * Shapes shared by the update engine's modules: the compiled update (a tree of paths, MongoDB's
 * UpdateNode design), its leaves (one operator applied at one path) and the per-call context.
 */
import type { StoredDoc } from '../engine/contract.js'

/** The leaf operations. `$dec` compiles to `inc` with a negated argument; `$rename` to two leaves. */
export type LeafKind =
  | 'set'
  | 'unset'
  | 'setOnInsert'
  | 'currentDate'
  | 'inc'
  | 'mul'
  | 'min'
  | 'max'
  | 'push'
  | 'addToSet'
  | 'pop'
  | 'pull'
  | 'pullAll'
  | 'bit'
  | 'renameFrom'
  | 'renameTo'

/** How `$push` places, sorts and trims what it adds. */
export interface PushSpec {
  readonly items: readonly unknown[]
  readonly position?: number
  readonly slice?: number
  /** 1 / -1 sorts whole elements; an object sorts documents by the listed fields. */
  readonly sort?: 1 | -1 | readonly (readonly [path: string, direction: 1 | -1])[]
}

/** One operator at one (template) path. */
export interface Leaf {
  readonly kind: LeafKind
  /** The operator as the user wrote it (`'$dec'`, `'$inc'`), for error messages. */
  readonly op: string
  /** The dotted path as written in the update. */
  readonly path: string
  /** The last segment of `path`. */
  readonly field: string
  /** The validated operator argument (for `renameTo`/`renameFrom`: the index into `renames`). */
  readonly arg: unknown
  /** `$push` only. */
  readonly push?: PushSpec
  /** `$pull` only: matches the elements to remove. */
  readonly pull?: (element: unknown) => boolean
}

/** One node of the update tree: either a leaf or a set of children keyed by path segment. */
export interface UpdateNode {
  /** Dotted template path of this node (`''` at the root). */
  readonly path: string
  /** The last segment of `path`. */
  readonly field: string
  leaf?: Leaf
  /** Plain field children (names or array indexes), sorted as MongoDB processes them. */
  keys: string[]
  nodes: UpdateNode[]
  /** The `$` child. */
  positional?: UpdateNode
  /** The `$[]` child. */
  all?: UpdateNode
  /** The `$[<identifier>]` children. */
  filtered: { readonly id: string; readonly node: UpdateNode }[]
  /** Some leaf below can create fields (so a missing or scalar parent matters). */
  creates: boolean
  /** Some positional child exists, so arrays take the general (slower) path. */
  arrayOps: boolean
}

/** A `$rename` pair, resolved against the original document before the tree is applied. */
export interface Rename {
  readonly from: readonly string[]
  readonly fromPath: string
  readonly to: readonly string[]
  readonly toPath: string
}

/** A validated update, compiled once and applied to any number of documents. */
export type CompiledUpdate =
  | {
      readonly kind: 'operators'
      readonly root: UpdateNode
      readonly renames: readonly Rename[]
      /** Identifiers used by `$[<identifier>]` segments. */
      readonly identifiers: ReadonlySet<string>
      /** The operators present, e.g. `['$set', '$inc']`. */
      readonly operators: readonly string[]
    }
  | {
      readonly kind: 'replacement'
      readonly replacement: Readonly<Record<string, unknown>>
    }

/** Per-call inputs of `applyUpdate`. */
export interface UpdateContext {
  /** Filters for `$[<identifier>]`, e.g. `[{ 'x.qty': { $gt: 5 } }]`. */
  readonly arrayFilters?: readonly Record<string, unknown>[]
  /** Index matched by the query in the array at `arrayPath`, for the positional `$`. */
  readonly positionalIndex?: (arrayPath: string) => number | undefined
  /** The update inserts a new document (upsert): `$setOnInsert` applies. */
  readonly isInsert?: boolean
  /** The time `$currentDate` writes (default: the time of the call). */
  readonly now?: Date
}

/** The outcome of `applyUpdate`. */
export interface UpdateResult {
  readonly doc: StoredDoc
  /** False when the update changed nothing (MongoDB's `modifiedCount` semantics). */
  readonly modified: boolean
}
