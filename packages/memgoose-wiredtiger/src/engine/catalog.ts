/**
 * The catalog: which WiredTiger tables hold which collection and index, and each index's spec.
 * Table names are allocated from a counter (`c1`, `i2`, ...), so user-chosen collection and index
 * names never reach a file name, whatever characters they contain. Stored in its own table.
 */
import { CorruptionError, type IndexSpec } from 'memgoose'
import type { Session } from '../binding/session.js'
import { decodeDocument, encodeDocument } from './codec.js'

/** The table that holds the catalog. */
export const CATALOG_TABLE = 'memgoose_catalog'
const COUNTER_KEY = Buffer.from([0])

/** One secondary index of a collection. */
export interface IndexEntry {
  spec: IndexSpec
  table: string
  multikey: boolean
}

/** One collection: its document table and secondary indexes. */
export interface CollectionEntry {
  table: string
  indexes: IndexEntry[]
}

/** Reads and writes catalog entries through a session. */
export class Catalog {
  #session: Session
  #entries = new Map<string, CollectionEntry>()
  #next = 1

  constructor(session: Session) {
    this.#session = session
  }

  /** Creates the catalog table if needed and loads every entry. */
  load(): void {
    this.#session.createTable(CATALOG_TABLE)
    const cursor = this.#session.openCursor(CATALOG_TABLE)
    try {
      for (const [key, value] of cursor.scanSync()) {
        if (key.equals(COUNTER_KEY)) {
          this.#next = value.readUInt32BE(0)
          continue
        }
        const name = key.toString('utf8')
        try {
          this.#entries.set(name, decodeDocument(value) as unknown as CollectionEntry)
        } catch (err) {
          throw new CorruptionError(
            `The memgoose catalog entry of "${name}" cannot be read`,
            { file: `${CATALOG_TABLE}.wt` },
            { cause: err }
          )
        }
      }
    } finally {
      cursor.close()
    }
  }

  /** The entry of a collection, if it exists. */
  get(name: string): CollectionEntry | undefined {
    return this.#entries.get(name)
  }

  /** Names of every collection. */
  names(): string[] {
    return [...this.#entries.keys()]
  }

  /** A fresh table name with the given prefix (`'c'` collections, `'i'` indexes). */
  allocate(prefix: 'c' | 'i'): string {
    const name = `${prefix}${this.#next++}`
    const counter = Buffer.alloc(4)
    counter.writeUInt32BE(this.#next, 0)
    this.#write(COUNTER_KEY, counter)
    return name
  }

  /** Records (or replaces) a collection's entry. */
  set(name: string, entry: CollectionEntry): void {
    this.#entries.set(name, entry)
    this.#write(Buffer.from(name, 'utf8'), encodeDocument(entry as never))
  }

  /** Forgets a collection. */
  delete(name: string): void {
    this.#entries.delete(name)
    const cursor = this.#session.openCursor(CATALOG_TABLE)
    try {
      cursor.remove(Buffer.from(name, 'utf8'))
    } finally {
      cursor.close()
    }
  }

  #write(key: Buffer, value: Buffer): void {
    const cursor = this.#session.openCursor(CATALOG_TABLE)
    try {
      cursor.put(key, value)
    } finally {
      cursor.close()
    }
  }
}
