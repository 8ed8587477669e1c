/**
 * A secondary index of the memory engine: its spec, key computation, entries and multikey flag.
 */
import type { IndexInfo, IndexSpec } from '../contract.js'
import { IndexKeyer } from '../index-keys.js'
import { KeyIndex } from './key-index.js'

/** One secondary index: spec + keyer + key → document(s) entries. */
export class SecondaryIndex {
  readonly spec: IndexSpec
  readonly keyer: IndexKeyer
  readonly entries: KeyIndex
  readonly unique: boolean
  /** Set once any indexed document held an array on a key path; cleared only by `clear`. */
  multikey = false

  constructor(spec: IndexSpec) {
    this.spec = spec
    // Map keys (a string value is its own key) where the index allows them: see map-keys.ts.
    this.keyer = new IndexKeyer(spec, { mapKeys: true })
    this.entries = new KeyIndex({ mapKeys: this.keyer.mapKeys })
    this.unique = spec.unique === true
  }

  get name(): string {
    return this.spec.name
  }

  info(): IndexInfo {
    return { ...this.spec, multikey: this.multikey }
  }
}
