/**
 * A memory engine collection. Documents are stored as plain objects (copied on the way in, never
 * mutated afterwards: a replace stores a new object), under their encoded `_id` in a Map. Scans and
 * `get` return the stored objects themselves (`ownedResults: false`): the core copies what it keeps.
 */
import { ClosedError, MemgooseError, QueryError } from '../../errors/index.js'
import { cloneValue } from '../../values/clone.js'
import { encodeValue } from '../../values/keystring.js'
import type {
  EngineCollection,
  EngineTxn,
  IndexInfo,
  IndexSpec,
  ScanPlan,
  StoredDoc,
} from '../contract.js'
import { KeyIndex } from './key-index.js'
import { exactKey, toIntervals } from './ranges.js'
import type { KeyInterval } from './ranges.js'
import { ID_INDEX, atPosition, duplicateId } from '../index-keys.js'
import { SecondaryIndex } from './secondary.js'
import { checkTxn } from './transaction.js'
import type { UndoTarget } from './transaction.js'
import { validateIndexSpec, sameIndex } from './validate-index.js'
import { countIndex, lookupKey, lookupKeys, walkEntries, walkIndex } from './walk.js'

/** What a collection needs from its engine. */
export interface CollectionHost {
  readonly closed: boolean
  /** Copy documents on insert/replace (false: the engine adopts the caller's objects). */
  readonly copyOnWrite: boolean
}

const ID_DIRECTIONS: readonly (1 | -1)[] = [1]

/** The memory engine's EngineCollection. */
export class MemoryCollection implements EngineCollection, UndoTarget {
  readonly name: string
  /** False once dropped; set again by the next write or `StorageEngine.collection` call. */
  listed = true
  readonly #host: CollectionHost
  readonly #primary = new KeyIndex()
  #indexes: SecondaryIndex[] = []
  /** Greatest `_id` key inserted so far; while inserts arrive in key order, Map order is `_id` order. */
  #maxKey = ''
  #inKeyOrder = true

  constructor(name: string, host: CollectionHost) {
    this.name = name
    this.#host = host
  }

  get(id: unknown, txn?: EngineTxn): StoredDoc | undefined {
    this.#check(txn)
    return this.#primary.get(encodeValue(id)) as StoredDoc | undefined
  }

  insert(docs: readonly StoredDoc[], txn?: EngineTxn): void {
    const t = this.#check(txn)
    const n = docs.length
    if (n === 0) return
    const indexes = this.#indexes
    const copy = this.#host.copyOnWrite
    const stored = new Array<StoredDoc>(n)
    // Per index, the current document's key: one string (the common case) or the general list.
    const docKeys = new Array<string | readonly string[]>(indexes.length)
    const multikey = new Array<boolean>(indexes.length).fill(false)
    const maxKey = this.#maxKey
    const inKeyOrder = this.#inKeyOrder
    let applied = 0
    // Each document is checked against everything stored so far (earlier documents of this call
    // included) and applied at once; a failure unlinks the applied ones, so the call is all or none.
    try {
      for (let i = 0; i < n; i++) {
        const doc = docs[i]
        if (typeof doc !== 'object' || doc === null || doc._id === undefined) {
          throw new MemgooseError('BAD_DOCUMENT', `Document ${i} has no _id`)
        }
        const id = encodeValue(doc._id)
        // Every stored key is at most #maxKey, so a greater one (generated ObjectIds ascend) is
        // new without a lookup.
        const ascending = id > this.#maxKey
        if (!ascending && this.#primary.get(id) !== undefined)
          throw atPosition(duplicateId(this.name, doc._id), i)
        for (let j = 0; j < indexes.length; j++) {
          const idx = indexes[j]
          const single = idx.keyer.singleKeyOf(doc)
          const keys = single ?? idx.keyer.encodedKeysOf(doc)
          if (idx.keyer.lastMultikey) multikey[j] = true
          if (idx.unique) {
            if (typeof keys === 'string') {
              if (idx.entries.get(keys) !== undefined)
                throw atPosition(idx.keyer.duplicate(this.name, doc, keys), i)
            } else {
              for (const key of keys) {
                if (idx.entries.get(key) !== undefined) {
                  throw atPosition(idx.keyer.duplicate(this.name, doc, key), i)
                }
              }
            }
          }
          docKeys[j] = keys
        }
        const copyOf = copy ? cloneValue(doc) : doc
        this.#primary.addNew(id, copyOf)
        if (ascending) this.#maxKey = id
        else this.#inKeyOrder = false
        for (let j = 0; j < indexes.length; j++) {
          const idx = indexes[j]
          const keys = docKeys[j]
          // A unique key was checked free above (distinct keys of one document are deduplicated).
          if (typeof keys === 'string') {
            if (idx.unique) idx.entries.addNew(keys, copyOf)
            else idx.entries.add(keys, copyOf)
          } else {
            for (const key of keys) idx.entries.add(key, copyOf)
          }
        }
        stored[i] = copyOf
        applied = i + 1
      }
    } catch (err) {
      for (let i = applied - 1; i >= 0; i--) this.#unlink(encodeValue(stored[i]._id), stored[i])
      this.#maxKey = maxKey
      this.#inKeyOrder = inKeyOrder
      throw err
    }
    if (t !== undefined) for (const doc of stored) t.logInsert(this, doc)
    for (let j = 0; j < indexes.length; j++) if (multikey[j]) indexes[j].multikey = true
    this.listed = true
  }

  replace(doc: StoredDoc, txn?: EngineTxn): boolean {
    const t = this.#check(txn)
    const id = encodeValue(doc._id)
    const prev = this.#primary.get(id) as StoredDoc | undefined
    if (prev === undefined) return false
    const indexes = this.#indexes
    const nextKeys = new Array<readonly string[]>(indexes.length)
    const multikey = new Array<boolean>(indexes.length)
    for (let j = 0; j < indexes.length; j++) {
      const idx = indexes[j]
      nextKeys[j] = idx.keyer.encodedKeysOf(doc)
      multikey[j] = idx.keyer.lastMultikey
      if (!idx.unique) continue
      for (const key of nextKeys[j]) {
        if (idx.entries.conflict(key, prev) !== undefined) {
          throw atPosition(idx.keyer.duplicate(this.name, doc, key), 0)
        }
      }
    }
    const stored = this.#host.copyOnWrite ? cloneValue(doc) : doc
    this.#primary.swap(id, prev, stored)
    for (let j = 0; j < indexes.length; j++) {
      const idx = indexes[j]
      if (multikey[j]) idx.multikey = true
      moveKeys(idx.entries, idx.keyer.encodedKeysOf(prev), nextKeys[j], prev, stored)
    }
    t?.logReplace(this, prev, stored)
    return true
  }

  delete(ids: readonly unknown[], txn?: EngineTxn): number {
    const t = this.#check(txn)
    let deleted = 0
    for (const id of ids) {
      const key = encodeValue(id)
      const doc = this.#primary.get(key) as StoredDoc | undefined
      if (doc === undefined) continue
      this.#unlink(key, doc)
      t?.logDelete(this, doc)
      deleted++
    }
    return deleted
  }

  scan(plan: ScanPlan, txn?: EngineTxn): Iterable<StoredDoc[]> {
    this.#check(txn)
    const batchSize = Math.max(1, plan.batchSize ?? 256)
    const reverse = plan.reverse === true
    if (plan.index === undefined || plan.index === ID_INDEX.name) {
      if (plan.index === undefined && !reverse && this.#inKeyOrder) {
        return walkEntries(this.#primary, batchSize)
      }
      const exact = plan.index === undefined ? undefined : exactKey(plan.ranges, ID_DIRECTIONS)
      if (exact !== undefined) return lookupKey(this.#primary, exact)
      const intervals = toIntervals(plan.ranges, ID_DIRECTIONS)
      if (plan.index !== undefined && intervals.every(isExact)) {
        return lookupKeys(this.#primary, intervals, reverse, false)
      }
      return walkIndex(this.#primary, intervals, reverse, batchSize, false)
    }
    const idx = this.#index(plan.index)
    const exact = exactKey(plan.ranges, idx.keyer.directions, idx.keyer.mapKeys)
    if (exact !== undefined) return lookupKey(idx.entries, exact)
    const intervals = toIntervals(plan.ranges, idx.keyer.directions)
    if (intervals.every(isExact)) return lookupKeys(idx.entries, intervals, reverse, idx.multikey)
    return walkIndex(idx.entries, intervals, reverse, batchSize, idx.multikey)
  }

  count(plan: ScanPlan, txn?: EngineTxn): number {
    this.#check(txn)
    if (plan.index === undefined) return this.#primary.size
    if (plan.index === ID_INDEX.name) {
      return countIndex(this.#primary, toIntervals(plan.ranges, ID_DIRECTIONS), false)
    }
    const idx = this.#index(plan.index)
    return countIndex(idx.entries, toIntervals(plan.ranges, idx.keyer.directions), idx.multikey)
  }

  explainScan(plan: ScanPlan): Record<string, unknown> {
    this.#check(undefined)
    if (plan.index === undefined) {
      return { engine: 'memory', stage: 'COLLSCAN', order: this.#inKeyOrder ? 'insertion' : '_id' }
    }
    const directions =
      plan.index === ID_INDEX.name ? ID_DIRECTIONS : this.#index(plan.index).keyer.directions
    const intervals = toIntervals(plan.ranges, directions)
    return {
      engine: 'memory',
      stage: 'IXSCAN',
      indexName: plan.index,
      reverse: plan.reverse === true,
      intervals: intervals.length,
      lookups: intervals.filter((i) => i.exact !== undefined).length,
    }
  }

  ensureIndex(spec: IndexSpec): void {
    this.#check(undefined)
    validateIndexSpec(spec)
    const existing =
      spec.name === ID_INDEX.name ? ID_INDEX : this.#indexes.find((i) => i.name === spec.name)?.spec
    if (existing !== undefined) {
      if (!sameIndex(existing, spec)) {
        throw new QueryError(
          'INDEX_CONFLICT',
          `An index named "${spec.name}" already exists with a different definition`
        )
      }
      return
    }
    const idx = new SecondaryIndex(spec)
    for (const entry of this.#primary.entries()) {
      const doc = entry as StoredDoc
      for (const key of idx.keyer.encodedKeysOf(doc)) {
        if (idx.unique && idx.entries.conflict(key, doc) !== undefined) {
          throw idx.keyer.duplicate(this.name, doc, key)
        }
        idx.entries.add(key, doc)
      }
      if (idx.keyer.lastMultikey) idx.multikey = true
    }
    this.#indexes = [...this.#indexes, idx]
  }

  dropIndex(name: string): boolean {
    this.#check(undefined)
    if (name === ID_INDEX.name) {
      throw new QueryError('CANNOT_DROP_ID_INDEX', 'The _id_ index cannot be dropped')
    }
    const before = this.#indexes.length
    this.#indexes = this.#indexes.filter((i) => i.name !== name)
    return this.#indexes.length < before
  }

  listIndexes(): readonly IndexInfo[] {
    this.#check(undefined)
    return [ID_INDEX, ...this.#indexes.map((i) => i.info())]
  }

  clear(): void {
    this.#check(undefined)
    this.#wipe()
  }

  /** Drops every document and secondary index (dropCollection, close); the handle stays usable. */
  reset(): void {
    this.#wipe()
    this.#indexes = []
    this.listed = false
  }

  #wipe(): void {
    this.#primary.clear()
    for (const idx of this.#indexes) {
      idx.entries.clear()
      idx.multikey = false
    }
    this.#maxKey = ''
    this.#inKeyOrder = true
  }

  /** Number of stored documents. */
  get size(): number {
    return this.#primary.size
  }

  /** Number of secondary indexes. */
  get indexCount(): number {
    return this.#indexes.length
  }

  undoInsert(doc: StoredDoc): void {
    this.#unlink(encodeValue(doc._id), doc)
  }

  undoDelete(doc: StoredDoc): void {
    this.#addPrimary(encodeValue(doc._id), doc)
    for (const idx of this.#indexes) {
      for (const key of idx.keyer.encodedKeysOf(doc)) idx.entries.add(key, doc)
    }
  }

  undoReplace(prev: StoredDoc, next: StoredDoc): void {
    this.#primary.swap(encodeValue(prev._id), next, prev)
    for (const idx of this.#indexes) {
      const nextKeys = idx.keyer.encodedKeysOf(next)
      moveKeys(idx.entries, nextKeys, idx.keyer.encodedKeysOf(prev), next, prev)
    }
  }

  #check(txn: EngineTxn | undefined) {
    if (this.#host.closed) throw new ClosedError('The memory engine')
    return checkTxn(txn, this.#host)
  }

  #index(name: string): SecondaryIndex {
    let idx: SecondaryIndex | undefined
    // A loop, not find(): this runs on every indexed read, and a closure per call adds up.
    for (const candidate of this.#indexes) {
      if (candidate.name === name) {
        idx = candidate
        break
      }
    }
    if (idx === undefined) {
      throw new QueryError('INDEX_NOT_FOUND', `No index named "${name}" on "${this.name}"`)
    }
    return idx
  }

  #addPrimary(key: string, doc: StoredDoc): void {
    this.#primary.add(key, doc)
    if (key > this.#maxKey) this.#maxKey = key
    else this.#inKeyOrder = false
  }

  #unlink(key: string, doc: StoredDoc): void {
    this.#primary.remove(key, doc)
    for (const idx of this.#indexes) {
      for (const indexKey of idx.keyer.encodedKeysOf(doc)) idx.entries.remove(indexKey, doc)
    }
  }
}

/** Moves `prev`'s index entries to `next`: removes keys it lost, adds keys it gained, swaps the rest. */
function moveKeys(
  entries: KeyIndex,
  prevKeys: readonly string[],
  nextKeys: readonly string[],
  prev: StoredDoc,
  next: StoredDoc
): void {
  if (prevKeys.length === 1 && nextKeys.length === 1) {
    if (prevKeys[0] === nextKeys[0]) entries.swap(prevKeys[0], prev, next)
    else {
      entries.remove(prevKeys[0], prev)
      entries.add(nextKeys[0], next)
    }
    return
  }
  const kept = new Set(nextKeys)
  const had = new Set(prevKeys)
  for (const key of prevKeys) {
    if (kept.has(key)) entries.swap(key, prev, next)
    else entries.remove(key, prev)
  }
  for (const key of nextKeys) if (!had.has(key)) entries.add(key, next)
}

function isExact(interval: KeyInterval): boolean {
  return interval.exact !== undefined
}
