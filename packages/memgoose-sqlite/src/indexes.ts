/**
 * Secondary indexes: one entry table per index (schema.ts), whose keys are computed in JS by the
 * core's IndexKeyer — the same keys the memory engine uses, so multikey arrays, sparse and partial
 * rules, MongoDB's cross-type order and the planner's key ranges all carry over unchanged.
 */
import { Buffer } from 'node:buffer'
import { DuplicateKeyError, IndexKeyer, QueryError, encodeKey, splitPath } from './core.js'
import type { IndexInfo, IndexSpec, StoredDoc } from './core.js'
import { indexTable } from './schema.js'
import { indexTarget } from './sql/scan.js'
import type { ScanTarget } from './sql/scan.js'

// The implicit `_id_` index and the duplicate-key helpers are the core's, shared by every engine.
export { ID_INDEX, atPosition, duplicateId } from './core.js'

/** One secondary index of a collection, as loaded from the catalog. */
export class SqliteIndex {
  readonly id: number
  readonly spec: IndexSpec
  readonly keyer: IndexKeyer
  readonly table: string
  multikey: boolean
  #target: ScanTarget | undefined

  constructor(id: number, spec: IndexSpec, multikey: boolean) {
    this.id = id
    this.spec = spec
    this.keyer = new IndexKeyer(spec)
    this.table = indexTable(id)
    this.multikey = multikey
  }

  /** The distinct encoded keys of `doc`, as blobs. */
  keys(doc: StoredDoc): Buffer[] {
    return this.keyer.encodedKeysOf(doc).map((k) => Buffer.from(k, 'latin1'))
  }

  /** What a scan over this index of the collection table `table` walks (kept while it holds). */
  target(table: string): ScanTarget {
    const target = this.#target
    if (target !== undefined && target.index?.multikey === this.multikey) return target
    this.#target = indexTarget(table, {
      table: this.table,
      directions: this.keyer.directions,
      multikey: this.multikey,
      unique: this.spec.unique === true,
      path: this.spec.key.length === 1 ? this.spec.key[0][0] : undefined,
    })
    return this.#target
  }

  /** The IndexInfo reported by listIndexes. */
  info(): IndexInfo {
    return { ...this.spec, multikey: this.multikey }
  }

  /** The DuplicateKeyError for `doc` colliding on `key`, with MongoDB's keyPattern/keyValue. */
  duplicate(collection: string, doc: StoredDoc, key: Buffer): DuplicateKeyError {
    const encoded = key.toString('latin1')
    const tuple =
      this.keyer.keysOf(doc).find((t) => encodeKey(t, this.keyer.directions) === encoded) ?? []
    const keyPattern: Record<string, 1 | -1> = {}
    const keyValue: Record<string, unknown> = {}
    this.spec.key.forEach(([path, direction], i) => {
      keyPattern[path] = direction
      keyValue[path] = tuple[i]
    })
    return new DuplicateKeyError(collection, this.spec.name, keyPattern, keyValue)
  }
}

const FEATURES = new Set([
  'name',
  'key',
  'unique',
  'sparse',
  'partialFilterExpression',
  'expireAfterSeconds',
])

/** Validates an index spec (QueryError BAD_INDEX). */
export function validateSpec(spec: IndexSpec): void {
  if (
    typeof spec !== 'object' ||
    spec === null ||
    typeof spec.name !== 'string' ||
    spec.name === ''
  ) {
    throw new QueryError('BAD_INDEX', 'An index needs a non-empty name')
  }
  if (!Array.isArray(spec.key) || spec.key.length === 0) {
    throw new QueryError('BAD_INDEX', `Index "${spec.name}" needs at least one key field`)
  }
  for (const field of spec.key) {
    const [path, direction] = field
    if (typeof path !== 'string' || path === '' || (direction !== 1 && direction !== -1)) {
      throw new QueryError('BAD_INDEX', `Index "${spec.name}" has an invalid key field`)
    }
    splitPath(path)
  }
  const ttl = spec.expireAfterSeconds
  if (ttl !== undefined && (typeof ttl !== 'number' || !(ttl >= 0))) {
    throw new QueryError(
      'BAD_INDEX',
      `Index "${spec.name}" needs a non-negative expireAfterSeconds`
    )
  }
  for (const key of Object.keys(spec)) {
    if (!FEATURES.has(key) && (spec as never)[key] !== undefined) {
      throw new QueryError('BAD_INDEX', `Index "${spec.name}" has an unknown option "${key}"`)
    }
  }
}

/** Whether two specs define the same index (same name, keys and options). */
export function sameSpec(a: IndexSpec, b: IndexSpec): boolean {
  return canonical(a) === canonical(b)
}

function canonical(spec: IndexSpec): string {
  return JSON.stringify([
    spec.name,
    spec.key,
    spec.unique === true,
    spec.sparse === true,
    spec.partialFilterExpression ?? null,
    spec.expireAfterSeconds ?? null,
  ])
}
