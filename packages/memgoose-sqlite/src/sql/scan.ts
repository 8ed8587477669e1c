/**
 * Turns a ScanPlan into one SQL query: the index ranges become key intervals over an index table
 * (or the `_id` column), the filter becomes a WHERE clause (sql/filter.ts), the sort an ORDER BY on
 * `memgoose_sortkey` (MongoDB's sort key as an order-preserving blob), skip/limit become
 * LIMIT/OFFSET. Whatever part of the filter SQL cannot express stays a JS residual; then skip and
 * limit are applied in JS after it, while the ORDER BY still runs in SQL.
 */
import { balancedJoin } from './values.js'
import { Buffer } from 'node:buffer'
import { QueryError, compileFilter, encodeKey, toIntervals } from '../core.js'
import type { KeyInterval, ScanPlan } from '../core.js'
import { compileSqlFilter } from './filter.js'
import { withoutImplied } from './implied.js'
import { isQuotable, label } from './json-path.js'
import { Params } from './params.js'

/** An index table as a scan sees it. */
export interface IndexTarget {
  readonly table: string
  readonly directions: readonly (1 | -1)[]
  readonly multikey: boolean
  readonly unique: boolean
  /** The key path of a one-field index. */
  readonly path: string | undefined
}

/** What a scan runs over: the collection table and, for an index walk, the index table. */
export interface ScanTarget {
  readonly table: string
  readonly index?: IndexTarget
  /** The point lookup's SQL, whose one parameter is the key from pointKey. */
  readonly pointSql: string
}

/** The target of a walk in `_id` order over the collection table `table`. */
export function idTarget(table: string): ScanTarget {
  return { table, pointSql: `SELECT d.doc FROM "${table}" AS d WHERE d.id = ?` }
}

/** The target of a walk over `index` of the collection table `table`. */
export function indexTarget(table: string, index: IndexTarget): ScanTarget {
  return {
    table,
    index,
    pointSql: `SELECT d.doc FROM "${index.table}" AS i JOIN "${table}" AS d ON d.rid = i.rid WHERE i.k = ?`,
  }
}

/** A planned scan: SQL, its parameters, and the JS work left after it. */
export interface ScanQuery {
  readonly sql: string
  /** Named parameters, or positional ones for the point lookup shortcut. */
  readonly params: Record<string, unknown> | readonly unknown[]
  /** The part of the filter evaluated in JS, if any. */
  readonly residualFilter: Record<string, unknown> | undefined
  readonly residual: ((doc: unknown) => boolean) | undefined
  /** Skip and limit still to apply in JS (only with a residual). */
  readonly skip: number
  readonly limit: number | undefined
  /**
   * The query returns few rows (point lookups on a unique index, or a small SQL LIMIT): read them
   * at once, which costs far less than opening a streaming iterator.
   */
  readonly bounded: boolean
  /**
   * For streams in `_id` or (non-multikey) index order: `resume(at, delivered)` is the query for
   * the rows after the position `at`, so a cursor interrupted by a write can reopen where it
   * stopped instead of reading everything that is left into memory. Undefined for other scans.
   * The position is the last row itself (`[doc, i.k, i.rid]` in index order), or what
   * `positionSql` reads for it.
   */
  readonly resume: ((at: unknown, delivered: number) => ResumeQuery) | undefined
  /**
   * In `_id` order, rows are `[doc, d.rid]`: the SQL reading the `id` of a row from its rid (the
   * one parameter), run only when a cursor detaches, so the rows need not carry their `id` blob.
   */
  readonly positionSql: string | undefined
  /** Rows are arrays whose first element is the `doc`; else the `doc` alone. */
  readonly arrays: boolean
}

/** The continuation of a resumable scan. */
export interface ResumeQuery {
  readonly sql: string
  readonly params: Record<string, unknown>
}

const ID_DIRECTIONS: readonly (1 | -1)[] = [1]
// Up to this many rows a query is read whole instead of streamed.
const SMALL = 256

/** Builds the query returning raw `[doc]` rows (or `[count]` with `count`). */
export function buildScan(plan: ScanPlan, target: ScanTarget, count = false): ScanQuery {
  const point = count ? undefined : pointKey(plan, target)
  if (point !== undefined) {
    return {
      sql: target.pointSql,
      params: [point],
      residualFilter: undefined,
      residual: undefined,
      skip: 0,
      limit: undefined,
      bounded: true,
      resume: undefined,
      positionSql: undefined,
      arrays: false,
    }
  }
  const params = new Params()
  const where: string[] = []
  const index = target.index
  let from = `"${target.table}" AS d`
  let keyColumn = 'd.id'
  if (index !== undefined) {
    from = `"${index.table}" AS i JOIN "${target.table}" AS d ON d.rid = i.rid`
    keyColumn = 'i.k'
  }
  let lookups = false
  let points = 0
  if (plan.ranges !== undefined) {
    const intervals = toIntervals(plan.ranges, index?.directions ?? ID_DIRECTIONS)
    lookups =
      (index === undefined || index.unique) &&
      intervals.length <= SMALL &&
      intervals.every((iv) => iv.exact !== undefined)
    points = intervals.length
    where.push(keyCondition(intervals, keyColumn, params))
  }
  const filter = compileSqlFilter(
    withoutImplied(plan.filter, plan.ranges, index === undefined ? '_id' : index.path),
    params
  )
  if (filter.where !== '1') where.push(filter.where)
  const multikey = index?.multikey === true
  const reverse = plan.reverse === true
  const order: string[] = []
  for (const [path, direction] of plan.sort ?? []) {
    order.push(`${sortKeySql(path, direction, params)} ${direction === -1 ? 'DESC' : 'ASC'}`)
  }
  if (multikey) order.push(`${reverse ? 'max' : 'min'}(i.k) ${reverse ? 'DESC' : 'ASC'}`)
  else order.push(`${keyColumn} ${reverse ? 'DESC' : 'ASC'}`)
  if (index !== undefined) order.push(`i.rid ${reverse ? 'DESC' : 'ASC'}`)
  const exact = filter.residual === undefined
  let tail = ''
  if (exact && (plan.limit !== undefined || (plan.skip ?? 0) > 0)) {
    // Written as integer literals, not parameters: a bound LIMIT makes SQLite several times slower
    // on point lookups (measured), and a checked integer cannot carry SQL.
    tail = ` LIMIT ${sqlInteger(plan.limit ?? -1)} OFFSET ${sqlInteger(plan.skip ?? 0)}`
  }
  const body = (extra?: string) => {
    const all = extra === undefined ? where : [...where, extra]
    return `FROM ${from}${all.length > 0 ? ` WHERE ${all.join(' AND ')}` : ''}${multikey ? ' GROUP BY i.rid' : ''}`
  }
  const orderBy = ` ORDER BY ${order.join(', ')}`
  const residual = filter.residual === undefined ? undefined : compileFilter(filter.residual)
  const common = {
    params: params.values,
    residualFilter: filter.residual,
    residual,
    skip: exact ? 0 : (plan.skip ?? 0),
    limit: exact ? undefined : plan.limit,
    bounded: lookups || (tail !== '' && plan.limit !== undefined && plan.limit <= SMALL),
    positionSql: undefined,
    arrays: false,
  }
  if (count) {
    const sql = !exact
      ? `SELECT d.doc ${body()}${orderBy}`
      : tail !== ''
        ? `SELECT count(*) FROM (SELECT 1 ${body()}${orderBy}${tail})`
        : multikey
          ? `SELECT count(DISTINCT i.rid) FROM ${from}${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`
          : `SELECT count(*) ${body()}`
    return { ...common, sql, resume: undefined }
  }
  if ((plan.sort !== undefined && plan.sort.length > 0) || multikey) {
    return { ...common, sql: `SELECT d.doc ${body()}${orderBy}${tail}`, resume: undefined }
  }
  if (lookups) {
    // Point lookups are read whole at once, so they need no resume columns; one point finds at
    // most one document, so it needs no ORDER BY and, unless skipping, no LIMIT (each costs).
    const one = points === 1
    const last = one && (plan.skip ?? 0) === 0 && plan.limit !== 0 ? '' : tail
    return {
      ...common,
      sql: `SELECT d.doc ${body()}${one ? '' : orderBy}${last}`,
      resume: undefined,
    }
  }
  const keys = index === undefined ? ['d.id'] : ['i.k', 'i.rid']
  // In `_id` order only the last row's key is ever needed: rows carry their rid (an integer, far
  // cheaper to hand over than the key blob), whose key is read when a cursor detaches.
  const columns = index === undefined ? 'd.doc, d.rid' : 'd.doc, i.k, i.rid'
  const resume = (at: unknown, delivered: number): ResumeQuery => {
    const after: Record<string, unknown> = { ...params.values }
    if (index === undefined) after.after0 = at
    else keys.forEach((_, i) => (after[`after${i}`] = (at as unknown[])[i + 1]))
    const bound = keys.length === 1 ? '@after0' : '(@after0, @after1)'
    const tuple = keys.length === 1 ? keys[0] : `(${keys.join(', ')})`
    const rest =
      exact && plan.limit !== undefined
        ? ` LIMIT ${sqlInteger(Math.max(0, plan.limit - delivered))}`
        : ''
    return {
      sql: `SELECT ${columns} ${body(`${tuple} ${reverse ? '<' : '>'} ${bound}`)}${orderBy}${rest}`,
      params: after,
    }
  }
  return {
    ...common,
    sql: `SELECT ${columns} ${body()}${orderBy}${tail}`,
    resume,
    positionSql: index === undefined ? `SELECT id FROM "${target.table}" WHERE rid = ?` : undefined,
    arrays: true,
  }
}

/**
 * The key of the commonest read, a `findOne` by `_id` or a unique key, for `target.pointSql`: one
 * exact key on `_id` or on a unique, non-multikey one-field index, and nothing else to test (so
 * at most one document matches). Undefined for any other plan. It skips the general builder
 * (parameter naming, interval merging, the filter compiler), which costs more than the SQLite
 * lookup itself.
 */
export function pointKey(plan: ScanPlan, target: ScanTarget): Buffer | undefined {
  const ranges = plan.ranges
  if (ranges === undefined || ranges.length !== 1) return undefined
  if ((plan.sort !== undefined && plan.sort.length > 0) || (plan.skip ?? 0) !== 0) return undefined
  if (plan.limit === 0) return undefined
  const index = target.index
  if (index !== undefined && (!index.unique || index.multikey || index.path === undefined)) {
    return undefined
  }
  const range = ranges[0]
  if (!range.lowerInclusive || !range.upperInclusive) return undefined
  if (range.lower.length !== 1 || range.upper.length !== 1) return undefined
  const directions = index?.directions ?? ID_DIRECTIONS
  const encoded = encodeKey(range.lower, directions)
  if (range.upper !== range.lower && encodeKey(range.upper, directions) !== encoded) {
    return undefined
  }
  const filter = plan.filter
  if (filter !== undefined && Object.keys(filter).length > 0) {
    const rest = withoutImplied(filter, ranges, index === undefined ? '_id' : index.path)
    if (rest === undefined || Object.keys(rest).length > 0) return undefined
  }
  return Buffer.from(encoded, 'latin1')
}

/**
 * The key column restricted to `intervals`: one `IN` list for point lookups (SQLite walks it as a
 * sequence of seeks), else a balanced OR of intervals.
 */
function keyCondition(intervals: readonly KeyInterval[], column: string, params: Params): string {
  if (intervals.length === 0) return '0'
  if (intervals.every((iv) => iv.exact !== undefined)) {
    const points = intervals.map((iv) => params.add(Buffer.from(iv.exact as string, 'latin1')))
    return points.length === 1 ? `${column} = ${points[0]}` : `${column} IN (${points.join(', ')})`
  }
  const ors = intervals.map((iv) =>
    iv.exact !== undefined
      ? `${column} = ${params.add(Buffer.from(iv.exact, 'latin1'))}`
      : `(${column} >= ${params.add(Buffer.from(iv.lo, 'latin1'))} AND ${column} < ${params.add(Buffer.from(iv.hi, 'latin1'))})`
  )
  return balancedJoin(ors, 'OR')
}

/**
 * MongoDB's sort key of `path` as an SQL expression. Only the top-level field's JSON is handed to
 * the function (cheap to parse); a name SQLite cannot quote hands over the whole document.
 */
function sortKeySql(path: string, direction: 1 | -1, params: Params): string {
  const top = path.split('.')[0]
  const p = params.add(path)
  const dir = params.add(direction)
  if (!isQuotable(top)) return `memgoose_sortkey(d.doc, ${p}, ${dir}, 1)`
  return `memgoose_sortkey(d.doc -> ${params.add(`$${label(top)}`)}, ${p}, ${dir}, 0)`
}

/** A limit or skip as SQL text, after checking it is a safe integer. */
function sqlInteger(n: number): string {
  if (!Number.isSafeInteger(n))
    throw new QueryError('BAD_FILTER', `skip and limit must be integers, not ${String(n)}`)
  return String(n)
}
