/**
 * Stable codes of {@link WiredTigerError}. WiredTiger's own return codes keep their names
 * (`WT_ROLLBACK`, ...); conditions a caller handles specially get their own: `LOCKED` (another
 * process or connection holds the home), `CORRUPTION` (a damaged file), `CLOSED` (use after close),
 * `SESSION_BUSY` (the session is lent to async work). System errors keep their errno name.
 */
export type WiredTigerErrorCode =
  | 'WT_ROLLBACK'
  | 'WT_DUPLICATE_KEY'
  | 'WT_NOTFOUND'
  | 'WT_BUSY'
  | 'WT_PANIC'
  | 'WT_CACHE_FULL'
  | 'WT_PREPARE_CONFLICT'
  | 'WT_RUN_RECOVERY'
  | 'WT_ERROR'
  | 'LOCKED'
  | 'CORRUPTION'
  | 'CLOSED'
  | 'SESSION_BUSY'
  | 'INVALID_ARGUMENT'
  | 'BINDING_NOT_FOUND'
  | 'NATIVE_ERROR'
  | 'EINVAL'
  | 'ENOENT'
  | 'EEXIST'
  | 'EACCES'
  | 'EPERM'
  | 'ENOSPC'
  | 'ENOMEM'
  | 'ENOTSUP'
  | 'EIO'

/**
 * Every error of this package, thrown by the native code as well as by the TypeScript layer.
 * Branch on `code`, never on the message.
 */
export class WiredTigerError extends Error {
  /** Stable machine-readable reason. */
  readonly code: WiredTigerErrorCode
  /** WiredTiger's (or errno's) numeric return code, when the error came from WiredTiger. */
  declare readonly wtCode?: number
  /** Position of the failing entry when one entry of a bulk operation failed. */
  declare readonly index?: number
  /** For `CORRUPTION`: the damaged file, relative to the home directory, when WiredTiger named it. */
  declare readonly file?: string

  constructor(message: string, code: WiredTigerErrorCode, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
WiredTigerError.prototype.name = 'WiredTigerError'

/** True when `error` is a {@link WiredTigerError}, optionally with the given code. */
export function isWiredTigerError(
  error: unknown,
  code?: WiredTigerErrorCode
): error is WiredTigerError {
  return error instanceof WiredTigerError && (code === undefined || error.code === code)
}
