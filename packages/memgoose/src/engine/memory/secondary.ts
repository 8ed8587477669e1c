/**
 * A secondary index of the memory engine: its spec, key computation, entries and multikey flag.
 */
import { DuplicateKeyError } from '../../errors/index.js'
import { encodeKey } from '../../values/keystring.js'
import type { IndexInfo, IndexSpec, StoredDoc } from '../contract.js'
import { IndexKeyer } from '../index-keys.js'
import { KeyIndex } from './key-index.js'

/** One secondary index: spec + keyer + key → document(s) entries. */
export class SecondaryIndex {
  readonly spec: IndexSpec
  readonly keyer: IndexKeyer
  readonly entries = new KeyIndex()
  readonly unique: boolean
  /** Set once any indexed document held an array on a key path; cleared only by `clear`. */
  multikey = false

  constructor(spec: IndexSpec) {
    this.spec = spec
    this.keyer = new IndexKeyer(spec)
    this.unique = spec.unique === true
  }

  get name(): string {
    return this.spec.name
  }

  info(): IndexInfo {
    return { ...this.spec, multikey: this.multikey }
  }

  /**
   * The DuplicateKeyError for `doc` colliding on the encoded `key`, shaped like MongoDB's:
   * `keyPattern` from the spec, `keyValue` holding the colliding key values.
   */
  duplicate(collection: string, doc: StoredDoc, key: string): DuplicateKeyError {
    const fields = this.spec.key
    const tuple =
      this.keyer.keysOf(doc).find((t) => encodeKey(t, this.keyer.directions) === key) ?? []
    const keyValue: Record<string, unknown> = {}
    const keyPattern: Record<string, 1 | -1> = {}
    fields.forEach(([path, direction], i) => {
      keyPattern[path] = direction
      keyValue[path] = tuple[i]
    })
    return new DuplicateKeyError(collection, this.spec.name, keyPattern, keyValue)
  }
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
  Object.defineProperty(err, 'index', { value: position, enumerable: true })
  return err
}
