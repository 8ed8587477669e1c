/**
 * One secondary index as WiredTiger tables see it. Unique indexes store `key → _id` (so WiredTiger's
 * insert-only put rejects a second document with the same key); other indexes store
 * `key ++ _id → _id`, keeping every entry distinct while range scans over the key still work,
 * because the key encoding is self-delimiting.
 */
import { IndexKeyer, type DuplicateKeyError, type IndexInfo, type StoredDoc } from 'memgoose'
import type { Cursor } from '../binding/cursor.js'
import type { IndexEntry } from './catalog.js'

/** Runtime state of one index. */
export class SecondaryIndex {
  readonly entry: IndexEntry
  readonly keyer: IndexKeyer
  readonly unique: boolean

  constructor(entry: IndexEntry) {
    this.entry = entry
    this.keyer = new IndexKeyer(entry.spec)
    this.unique = entry.spec.unique === true
  }

  /** The distinct encoded keys of `doc` (latin1 strings, one byte per character). */
  keys(doc: StoredDoc): readonly string[] {
    return this.keyer.encodedKeysOf(doc)
  }

  /** The table key of one entry. */
  entryKey(key: string, id: Buffer): Buffer {
    if (this.unique) return Buffer.from(key, 'latin1')
    const k = Buffer.allocUnsafe(key.length + id.length)
    k.write(key, 0, 'latin1')
    id.copy(k, key.length)
    return k
  }

  /** The `_id` key of an existing entry for `key` in a unique index, if any. */
  holder(cursor: Cursor, key: string): Buffer | undefined {
    return cursor.get(Buffer.from(key, 'latin1'))
  }

  /** Adds the entries of one document. */
  add(cursor: Cursor, keys: readonly string[], id: Buffer): void {
    for (const key of keys) {
      if (this.unique) cursor.insert(Buffer.from(key, 'latin1'), id)
      else cursor.put(this.entryKey(key, id), id)
    }
  }

  /** Removes the entries of one document. */
  remove(cursor: Cursor, keys: readonly string[], id: Buffer): void {
    for (const key of keys) cursor.remove(this.entryKey(key, id))
  }

  /** The duplicate key error for `doc` colliding on `key`, with MongoDB's keyPattern/keyValue. */
  duplicate(collection: string, doc: StoredDoc, key: string): DuplicateKeyError {
    return this.keyer.duplicate(collection, doc, key)
  }

  /** The index as listIndexes() reports it. */
  info(): IndexInfo {
    return { ...this.entry.spec, multikey: this.entry.multikey }
  }
}
