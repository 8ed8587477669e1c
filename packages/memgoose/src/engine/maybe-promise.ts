/** Telling a MaybePromise (see contract.ts) that is a promise from one already known. */
import type { MaybePromise } from './contract.js'

/**
 * Whether an engine's (or the core's own) MaybePromise answer is still to come. Any thenable counts:
 * engines may return promises from another realm or library.
 */
export function isPromise<T>(value: MaybePromise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function'
}
