/**
 * Packs table entries for `Session.putPacked`: keys and values written back to back into one growing
 * buffer, their sizes beside them. Documents are serialized straight into it (no Buffer per document,
 * no concatenation) by the fast writer of bson-write.ts, or by the `bson` package for the values it
 * leaves; keys are written from their latin1 strings.
 */
import { serializeWithBufferAndIndex } from 'bson'
import type { StoredDoc } from 'memgoose'
import { writeDocument } from './bson-write.js'

const SERIALIZE = { checkKeys: false, ignoreUndefined: true } as const
/** Free space kept ahead of each document, so the fast writer rarely runs out of room. */
const ROOM = 64 * 1024

/**
 * Buffers of finished packers, reused: a bulk insert packs dozens of megabytes, and fresh buffers of
 * that size outside the JS heap make V8 collect garbage far more often.
 */
const pool: Buffer[] = []
const POOL_MAX = 4
const POOLED_MAX_BYTES = 32 * 1024 * 1024

function allocate(bytes: number): Buffer {
  for (let i = 0; i < pool.length; i++) {
    if (pool[i].length >= bytes) return pool.splice(i, 1)[0]
  }
  return Buffer.allocUnsafe(bytes)
}

/** One batch of packed entries, for one table. */
export class Packer {
  #data: Buffer
  #length = 0
  #sizes: Uint32Array
  #count = 0

  /** `entries` is how many key/value pairs to expect; `bytes` a guess of their total size. */
  constructor(entries: number, bytes: number) {
    this.#data = allocate(Math.max(1024, bytes))
    this.#sizes = new Uint32Array(entries * 2)
  }

  /** Appends an entry whose key is a latin1 string and whose value is another latin1 string. */
  addStrings(key: string, value: string): void {
    this.#string(key)
    this.#string(value)
  }

  /** Appends an entry keyed `key` (latin1) holding `doc` as BSON. */
  addDocument(key: string, doc: StoredDoc): void {
    this.#string(key)
    const start = this.#length
    // The fast writer handles the usual types; -1 means an unusual value or too little room.
    if (this.#data.length - start < ROOM) this.#grow(ROOM)
    const end = writeDocument(doc, this.#data, start)
    if (end >= 0) {
      this.#push(end - start)
      return
    }
    for (;;) {
      try {
        // The bson package serializes into its own scratch buffer, then copies into ours: a
        // RangeError means ours is too small, and nothing was written past its end.
        const last = serializeWithBufferAndIndex(doc, this.#data, { ...SERIALIZE, index: start })
        this.#push(last + 1 - start)
        return
      } catch (err) {
        if (!(err instanceof RangeError)) throw err
        this.#grow(this.#data.length)
      }
    }
  }

  /** The packed bytes and sizes (views of this packer's storage: do not add after taking them). */
  take(): { data: Buffer; sizes: Uint32Array } {
    return {
      data: this.#data.subarray(0, this.#length),
      sizes: this.#sizes.subarray(0, this.#count),
    }
  }

  /**
   * Gives the storage back for reuse. Only once what `take()` returned is no longer needed (for
   * `Session.putPacked`, as soon as the call returned: it copies the bytes).
   */
  release(): void {
    const data = this.#data
    this.#data = Buffer.alloc(0)
    this.#length = 0
    this.#count = 0
    if (pool.length < POOL_MAX && data.length <= POOLED_MAX_BYTES) pool.push(data)
  }

  #string(text: string): void {
    this.#reserve(text.length)
    this.#data.write(text, this.#length, 'latin1')
    this.#push(text.length)
  }

  #push(size: number): void {
    if (this.#count === this.#sizes.length) {
      const sizes = new Uint32Array(this.#sizes.length * 2 + 2)
      sizes.set(this.#sizes)
      this.#sizes = sizes
    }
    this.#sizes[this.#count++] = size
    this.#length += size
  }

  #reserve(bytes: number): void {
    if (this.#length + bytes > this.#data.length) this.#grow(bytes)
  }

  #grow(atLeast: number): void {
    const data = allocate(Math.max(this.#data.length * 2, this.#length + atLeast))
    this.#data.copy(data, 0, 0, this.#length)
    const old = this.#data
    this.#data = data
    if (pool.length < POOL_MAX && old.length <= POOLED_MAX_BYTES) pool.push(old)
  }
}
