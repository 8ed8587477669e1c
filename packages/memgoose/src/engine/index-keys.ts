/**
 * The keys a document contributes to an index, shared by every engine that maintains its own
 * indexes (memory, WiredTiger).
 *
 * Rules (MongoDB's, with one documented simplification):
 * - a missing field indexes as null, so `{ a: null }` and `{}` share a key (and collide in a unique
 *   index, as in MongoDB);
 * - an array on a key path is multikey: one key per element (nested arrays stay whole values); an
 *   empty array indexes as null (MongoDB uses `undefined`, which sorts with null — the core re-checks
 *   every index result, so this only widens `null` scans); in the middle of a path (`a.b` over
 *   `a: [1, { b: 2 }]`) elements that cannot hold the field key as null;
 * - a compound index with several array fields gets the cartesian product (MongoDB refuses
 *   "parallel arrays"; we accept them);
 * - sparse: a document missing every key field has no keys; partial: a document not matching
 *   `partialFilterExpression` has no keys.
 */
import { compileFilter } from '../query/index.js'
import { encodeKey, encodeValue } from '../values/keystring.js'
import { splitPath } from '../values/paths.js'
import type { IndexInfo, IndexSpec } from './contract.js'
import { DuplicateKeyError } from '../errors/index.js'
import { mapKeyOf } from './map-keys.js'

const NO_KEYS: readonly string[] = Object.freeze([])
const hasOwn = Object.prototype.hasOwnProperty
/** Distinct values an IndexKeyer memoises before deciding the index has too many to bother. */
const MEMO_LIMIT = 256

/** Options of an IndexKeyer. */
export interface IndexKeyerOptions {
  /**
   * Give the keys of a one-field ascending index as Map keys (see map-keys.ts: a string value is
   * its own key) instead of encodings. For engines that only hash these keys.
   */
  readonly mapKeys?: boolean
}

/** Computes index keys for one index spec; compiled once per index. */
export class IndexKeyer {
  readonly spec: IndexSpec
  /** Direction of each key field, for encodeKey. */
  readonly directions: readonly (1 | -1)[]
  /** Whether keys are Map keys (mapKeyOf) rather than encodings: a one-field ascending index asked for them. */
  readonly mapKeys: boolean
  /** Whether the last document passed to `keysOf`/`encodedKeysOf` held an array on a key path. */
  lastMultikey = false
  readonly #paths: readonly (readonly string[])[]
  readonly #simple: string | undefined
  readonly #sparse: boolean
  readonly #partial: ((doc: unknown) => boolean) | undefined
  #present = false
  /**
   * Encoded keys of recent primitive values (Map's SameValueZero equality matches the encoding's:
   * 0 and -0 share a key, so do NaNs), dropped for good once the index shows many distinct values.
   */
  #memo: Map<unknown, string> | undefined = new Map()

  constructor(spec: IndexSpec, options: IndexKeyerOptions = {}) {
    this.spec = spec
    this.directions = spec.key.map(([, direction]) => direction)
    this.mapKeys = options.mapKeys === true && spec.key.length === 1 && this.directions[0] === 1
    this.#paths = spec.key.map(([path]) => splitPath(path))
    this.#simple =
      spec.key.length === 1 && this.#paths[0].length === 1 && this.directions[0] === 1
        ? this.#paths[0][0]
        : undefined
    this.#sparse = spec.sparse === true
    this.#partial =
      spec.partialFilterExpression === undefined
        ? undefined
        : compileFilter(spec.partialFilterExpression)
  }

  /** The key tuples of `doc` (possibly with duplicates for multikey documents); [] when excluded. */
  keysOf(doc: Record<string, unknown>): unknown[][] {
    this.lastMultikey = false
    if (this.#partial !== undefined && !this.#partial(doc)) return []
    this.#present = false
    const perField: unknown[][] = []
    for (const parts of this.#paths) {
      const values: unknown[] = []
      this.#collect(doc, parts, 0, values)
      perField.push(values)
    }
    if (this.#sparse && !this.#present) return []
    let tuples: unknown[][] = [[]]
    for (const values of perField) {
      if (values.length === 1) {
        for (const tuple of tuples) tuple.push(values[0])
        continue
      }
      const next: unknown[][] = []
      for (const tuple of tuples) for (const value of values) next.push([...tuple, value])
      tuples = next
    }
    return tuples
  }

  /**
   * The one encoded key (or Map key, with `mapKeys`) of `doc` when it has exactly one and it is
   * cheap to tell (a single-field, non-nested, ascending, non-partial index over a non-array value);
   * undefined otherwise, and the caller asks encodedKeysOf. Allocates nothing but the key: the hot path of bulk inserts.
   */
  singleKeyOf(doc: Record<string, unknown>): string | undefined {
    const simple = this.#simple
    if (simple === undefined || this.#partial !== undefined) return undefined
    const value = hasOwn.call(doc, simple) ? doc[simple] : undefined
    if (Array.isArray(value) || (value === undefined && this.#sparse)) return undefined
    this.lastMultikey = false
    const type = typeof value
    if (type === 'string' && this.mapKeys) return mapKeyOf(value)
    const memo = this.#memo
    if (memo === undefined || (type !== 'string' && type !== 'number' && type !== 'boolean'))
      return encodeValue(value === undefined ? null : value)
    let key = memo.get(value)
    if (key === undefined) {
      key = encodeValue(value)
      // Few distinct values (a city, an age) recur on every document; many (an email) never do.
      if (memo.size < MEMO_LIMIT) memo.set(value, key)
      else this.#memo = undefined
    }
    return key
  }

  /**
   * The distinct encoded keys of `doc` (encodeKey with the index directions, or Map keys with
   * `mapKeys`); [] when excluded.
   */
  encodedKeysOf(doc: Record<string, unknown>): readonly string[] {
    const single = this.singleKeyOf(doc)
    if (single !== undefined) return [single]
    const tuples = this.keysOf(doc)
    if (tuples.length === 0) return NO_KEYS
    if (tuples.length === 1) return [this.#keyOf(tuples[0])]
    const keys = new Set<string>()
    for (const tuple of tuples) keys.add(this.#keyOf(tuple))
    return [...keys]
  }

  #keyOf(tuple: readonly unknown[]): string {
    return this.mapKeys ? mapKeyOf(tuple[0]) : encodeKey(tuple, this.directions)
  }

  /**
   * The DuplicateKeyError for `doc` colliding on the encoded `key`, shaped like MongoDB's:
   * `keyPattern` from the spec, `keyValue` holding the colliding key values.
   */
  duplicate(collection: string, doc: Record<string, unknown>, key: string): DuplicateKeyError {
    const tuple = this.keysOf(doc).find((t) => this.#keyOf(t) === key) ?? []
    const keyValue: Record<string, unknown> = {}
    const keyPattern: Record<string, 1 | -1> = {}
    this.spec.key.forEach(([path, direction], i) => {
      keyPattern[path] = direction
      keyValue[path] = tuple[i]
    })
    return new DuplicateKeyError(collection, this.spec.name, keyPattern, keyValue)
  }

  #collect(value: unknown, parts: readonly string[], i: number, out: unknown[]): void {
    if (i === parts.length) {
      if (value === undefined) {
        out.push(null)
        return
      }
      this.#present = true
      if (!Array.isArray(value)) {
        out.push(value)
        return
      }
      this.lastMultikey = true
      if (value.length === 0) out.push(null)
      else for (const item of value) out.push(item)
      return
    }
    if (typeof value !== 'object' || value === null) {
      out.push(null)
      return
    }
    const part = parts[i]
    if (Array.isArray(value)) {
      const position = Number(part)
      const positional = Number.isInteger(position) && position >= 0 && String(position) === part
      if (positional) this.#collect(value[position], parts, i + 1, out)
      // Element-wise too (a numeric part may also name a field of an element); elements that
      // cannot hold the field key as null. Extra keys only widen what an index scan returns.
      this.lastMultikey = true
      if (value.length === 0 && !positional) out.push(null)
      for (const item of value) {
        if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
          this.#collect(item, parts, i, out)
        } else if (!positional) {
          out.push(null)
        }
      }
      return
    }
    const obj = value as Record<string, unknown>
    this.#collect(
      Object.prototype.hasOwnProperty.call(obj, part) ? obj[part] : undefined,
      parts,
      i + 1,
      out
    )
  }
}

const keyers = new WeakMap<IndexSpec, IndexKeyer>()

/**
 * The key tuples of `doc` for the index `spec`: one per multikey combination (duplicates possible),
 * none when sparse/partial rules leave the document out. Missing fields are null.
 */
export function indexKeysOf(doc: Record<string, unknown>, spec: IndexSpec): unknown[][] {
  let keyer = keyers.get(spec)
  if (keyer === undefined) {
    keyer = new IndexKeyer(spec)
    keyers.set(spec, keyer)
  }
  return keyer.keysOf(doc)
}

/** The spec of the implicit primary index. */
export const ID_INDEX: IndexInfo = Object.freeze({
  name: '_id_',
  key: Object.freeze([Object.freeze(['_id', 1] as const)]),
  unique: true,
  multikey: false,
})

/** The error for a second document with the same `_id`. */
export function duplicateId(collection: string, id: unknown): DuplicateKeyError {
  return new DuplicateKeyError(collection, '_id_', { _id: 1 }, { _id: id })
}

/**
 * Records which document of a write failed, as `err.index` (the position in the `docs` passed to
 * insert), the way the MongoDB driver reports write errors.
 */
export function atPosition(err: DuplicateKeyError, position: number): DuplicateKeyError {
  err.index = position
  return err
}
