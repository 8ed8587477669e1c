/**
 * Clocks and the garbage collector: the only place that measures. Heap figures need
 * `node --expose-gc` (the `bench` script passes it); without it they are reported as unavailable.
 */
import { performance } from 'node:perf_hooks'

/** Milliseconds taken by `fn`. */
export async function timeIt(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

/** The median of `values` (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** Whether `global.gc` is available, i.e. heap figures mean something. */
export function canMeasureHeap(): boolean {
  return typeof globalThis.gc === 'function'
}

/** Used heap bytes after full collections (several, so weak references and finalizers settle). */
export async function settledHeap(): Promise<number> {
  const gc = globalThis.gc
  if (typeof gc !== 'function') return Number.NaN
  for (let i = 0; i < 3; i++) {
    gc()
    await new Promise((resolve) => setImmediate(resolve))
  }
  // The collector frees memory on background threads after gc() returns; on a 2-core machine they
  // would compete with whatever is timed next.
  await new Promise((resolve) => setTimeout(resolve, 300))
  return process.memoryUsage().heapUsed
}
