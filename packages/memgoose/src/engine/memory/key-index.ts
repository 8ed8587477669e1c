/**
 * One index of the memory engine: encoded key → document(s). A Map answers equality in O(1); the
 * sorted BTree used for ranges and ordered walks is built only when first needed and maintained from
 * then on, so equality-only workloads never pay for ordering.
 */
import sortedBtree from 'sorted-btree'
import type { StoredDoc } from '../contract.js'
import { mapKeyOfEncoded, orderedKeyOf } from '../map-keys.js'

// sorted-btree is CommonJS: Node's ESM interop puts its class on `default`, bundlers may unwrap it.
const BTree = ((sortedBtree as { default?: unknown }).default ??
  sortedBtree) as typeof sortedBtree.default
type BTree<K, V> = InstanceType<typeof BTree<K, V>>

/**
 * The documents under one key: a single document, or a group when several share the key. A group
 * starts as an array (appending is all a bulk load does, and needs no identity hashing of each
 * document) and becomes a Set, keeping its order, the first time a document leaves or is swapped.
 */
export type Entry = StoredDoc | StoredDoc[] | Set<StoredDoc>

/** The documents of a multi-document entry (in insertion order), or undefined for a single one. */
export function groupOf(entry: Entry): Iterable<StoredDoc> | undefined {
  return entry instanceof Set || Array.isArray(entry) ? entry : undefined
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Options of a KeyIndex. */
export interface KeyIndexOptions {
  /**
   * Keys are Map keys (map-keys.ts: a plain string stands for itself) rather than encodings; the
   * ordered view and lookups by encoded key convert.
   */
  readonly mapKeys?: boolean
}

/**
 * A key → document(s) map with an on-demand ordered view. Stores document references, never copies.
 * Keys are encodings (keystring.ts), or Map keys with the `mapKeys` option.
 */
export class KeyIndex {
  readonly #map = new Map<string, Entry>()
  #tree: BTree<string, Entry> | undefined
  readonly #mapKeys: boolean

  constructor(options: KeyIndexOptions = {}) {
    this.#mapKeys = options.mapKeys === true
  }

  /** The key this index stores an encoded key under. */
  keyOfEncoded(encoded: string): string {
    return this.#mapKeys ? mapKeyOfEncoded(encoded) : encoded
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.#map.size
  }

  /** The document(s) stored under exactly this key. */
  get(key: string): Entry | undefined {
    return this.#map.get(key)
  }

  /** A document other than `self` stored under `key` (a unique-index collision), if any. */
  conflict(key: string, self?: StoredDoc): StoredDoc | undefined {
    const entry = this.#map.get(key)
    if (entry === undefined || entry === self) return undefined
    const group = groupOf(entry)
    if (group === undefined) return entry as StoredDoc
    for (const doc of group) if (doc !== self) return doc
    return undefined
  }

  add(key: string, doc: StoredDoc): void {
    const entry = this.#map.get(key)
    if (entry === undefined) {
      this.#map.set(key, doc)
      this.#tree?.set(this.#ordered(key), doc)
    } else if (entry instanceof Set) {
      entry.add(doc)
    } else if (Array.isArray(entry)) {
      // A document is added under a key at most once while the group is an array: writers add
      // only new objects, and anything that removes one first turns the group into a Set.
      entry.push(doc)
    } else if (entry !== doc) {
      const docs = [entry, doc]
      this.#map.set(key, docs)
      this.#tree?.set(this.#ordered(key), docs)
    }
  }

  /** Adds under a key known to hold nothing yet (checked by the caller): one Map write. */
  addNew(key: string, doc: StoredDoc): void {
    this.#map.set(key, doc)
    this.#tree?.set(this.#ordered(key), doc)
  }

  remove(key: string, doc: StoredDoc): void {
    const entry = this.#asSet(key, this.#map.get(key))
    if (entry === doc) {
      this.#map.delete(key)
      this.#tree?.delete(this.#ordered(key))
    } else if (entry instanceof Set) {
      entry.delete(doc)
      if (entry.size === 1) {
        const [last] = entry
        this.#map.set(key, last)
        this.#tree?.set(this.#ordered(key), last)
      }
    }
  }

  /** `next` takes the place of `prev` under `key` (a replaced document whose key did not change). */
  swap(key: string, prev: StoredDoc, next: StoredDoc): void {
    const entry = this.#asSet(key, this.#map.get(key))
    if (entry === prev) {
      this.#map.set(key, next)
      this.#tree?.set(this.#ordered(key), next)
    } else if (entry instanceof Set) {
      entry.delete(prev)
      entry.add(next)
    } else {
      this.add(key, next)
    }
  }

  /** The entry under `key`, an array group turned into a Set (same order) for removals. */
  #asSet(key: string, entry: Entry | undefined): Entry | undefined {
    if (!Array.isArray(entry)) return entry
    const docs = new Set(entry)
    this.#map.set(key, docs)
    this.#tree?.set(this.#ordered(key), docs)
    return docs
  }

  /** Every entry in Map (insertion) order. */
  entries(): IterableIterator<Entry> {
    return this.#map.values()
  }

  /** The ordered view (keyed by encoding), built on first use and kept up to date afterwards. */
  ordered(): BTree<string, Entry> {
    if (this.#tree === undefined) {
      const pairs: [string, Entry][] = []
      for (const [key, entry] of this.#map) pairs.push([this.#ordered(key), entry])
      pairs.sort((a, b) => compareKeys(a[0], b[0]))
      const tree = new BTree<string, Entry>(undefined, compareKeys)
      for (const [key, entry] of pairs) tree.set(key, entry)
      this.#tree = tree
    }
    return this.#tree
  }

  #ordered(key: string): string {
    return this.#mapKeys ? orderedKeyOf(key) : key
  }

  clear(): void {
    this.#map.clear()
    this.#tree = undefined
  }
}

/** Number of documents in an entry. */
export function entrySize(entry: Entry): number {
  return entry instanceof Set ? entry.size : Array.isArray(entry) ? entry.length : 1
}
