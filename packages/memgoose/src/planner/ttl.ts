/**
 * The key range a TTL sweeper deletes: documents whose indexed date is older than the index's
 * `expireAfterSeconds`. An array of dates expires with its earliest date (any element in range),
 * as in MongoDB; non-date values never expire.
 */
import type { IndexSpec, KeyRange } from '../engine/contract.js'

/**
 * The range of keys of the TTL index `spec` that have expired at `now`, or undefined when `spec`
 * is not a single-field TTL index. Pass it as `scan({ index: spec.name, ranges: [range] })`.
 */
export function expiredRange(spec: IndexSpec, now: Date): KeyRange | undefined {
  const ttl = spec.expireAfterSeconds
  if (ttl === undefined || spec.key.length !== 1) return undefined
  // The smallest date (an invalid Date, whose time NaN sorts first) up to the cutoff, exclusive.
  const oldest = new Date(Number.NaN)
  const cutoff = new Date(now.getTime() - ttl * 1000)
  return spec.key[0][1] === 1
    ? { lower: [oldest], lowerInclusive: false, upper: [cutoff], upperInclusive: false }
    : { lower: [cutoff], lowerInclusive: false, upper: [oldest], upperInclusive: false }
}
