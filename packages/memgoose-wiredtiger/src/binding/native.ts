// The compiled addon and its loader. Types describe the native classes structurally; the public
// classes in connection.ts, session.ts and cursor.ts wrap them.
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { WiredTigerError } from './errors.js'

/** What one scan batch returns: key/value bytes back to back, sizes interleaved. */
export interface NativeBatch {
  data: Buffer
  sizes: Uint32Array
  count: number
  done: boolean
  /** Key of the last entry, to resume after; absent when `done`. */
  last?: Buffer
}

/** Bits of a native scan's `flags` argument. */
export const ScanFlag = {
  LowerInclusive: 1,
  UpperInclusive: 2,
  Reverse: 4,
  Keys: 8,
  Values: 16,
} as const

/** Native cursor over a `u`/`u` table. */
export interface NativeCursor {
  get(key: Uint8Array): Buffer | undefined
  put(key: Uint8Array, value: Uint8Array): void
  insert(key: Uint8Array, value: Uint8Array): void
  remove(key: Uint8Array): boolean
  searchNear(key: Uint8Array): [exact: number, key: Buffer, value: Buffer] | undefined
  /**
   * One batch, synchronously: writes `count, done, lastKeySize, sizes...` into `meta` and returns the
   * payload (followed by the last key when not done).
   */
  scan(
    meta: Uint32Array,
    lower: Uint8Array | undefined,
    upper: Uint8Array | undefined,
    after: Uint8Array | undefined,
    flags: number,
    limit: number,
    maxBytes?: number
  ): Buffer
  /** One batch on the thread pool. */
  scanAsync(
    lower: Uint8Array | undefined,
    upper: Uint8Array | undefined,
    after: Uint8Array | undefined,
    flags: number,
    limit: number,
    maxBytes?: number
  ): Promise<NativeBatch>
  reset(): void
  close(): void
  readonly closed: boolean
}

/** Native session. */
export interface NativeSession {
  begin(config?: string): void
  commit(config?: string): void
  commitAsync(config?: string): Promise<void>
  rollback(config?: string): void
  create(uri: string, config?: string): void
  drop(uri: string, config?: string): void
  openCursor(uri: string, config?: string): NativeCursor
  putMany(uri: string, data: Uint8Array, sizes: Uint32Array, overwrite: boolean): Promise<void>
  checkpoint(config?: string): Promise<void>
  close(): void
  readonly closed: boolean
  readonly inTransaction: boolean
}

/** Native connection. */
export interface NativeConnection {
  openSession(config?: string): NativeSession
  reconfigure(config: string): void
  checkpoint(config?: string): Promise<void>
  backup(targetDir: string): Promise<string[]>
  stats(uri?: string): Promise<Record<string, number>>
  close(config?: string): Promise<void>
  readonly closed: boolean
}

/** The addon's exports. */
export interface NativeBinding {
  Connection: { open(home: string, config: string): Promise<NativeConnection> }
  setErrorClass(errorClass: typeof WiredTigerError): void
  wiredtigerVersion(): string
}

const require = createRequire(import.meta.url)
// Same depth from src/binding/ and dist/binding/: the package root holds prebuilds/ and build/.
const packageRoot = fileURLToPath(new URL('../..', import.meta.url))
let loaded: NativeBinding | undefined

/**
 * Loads the addon once: from `path` or `$MEMGOOSE_WIREDTIGER_BINARY` if given, otherwise through
 * node-gyp-build (prebuilds/<platform>-<arch>/ first, then build/Release/).
 * Throws a `BINDING_NOT_FOUND` error, with the loader's error as `cause`, when it cannot.
 */
export function loadBinding(
  path: string | undefined = process.env.MEMGOOSE_WIREDTIGER_BINARY
): NativeBinding {
  if (loaded) return loaded
  try {
    loaded = (path ? require(path) : require('node-gyp-build')(packageRoot)) as NativeBinding
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause)
    throw new WiredTigerError(
      `memgoose-wiredtiger: the native binary did not load (${reason}). Reinstall the package ` +
        `(npm rebuild memgoose-wiredtiger) or set MEMGOOSE_WIREDTIGER_BINARY to a built .node file.`,
      'BINDING_NOT_FOUND',
      { cause }
    )
  }
  loaded.setErrorClass(WiredTigerError)
  return loaded
}
