/**
 * SQL tests of one candidate value, mirroring the core's value tests (query/filter/operators) on the
 * stored JSON form (see codec.ts). A test returns undefined when it cannot be written exactly in SQL;
 * the caller then leaves that part of the filter to the JS residual.
 */
import { isDecimal128, isLong, isObjectId, toNumber } from '../core.js'
import type { Params } from './params.js'

/**
 * Where a candidate value sits: `path` is an SQL expression giving its JSON path in `d.doc`;
 * `type`/`value` read it (json_type/json_extract, or json_each's columns for array elements).
 */
export interface Loc {
  readonly path: string
  readonly type: string
  readonly value: string
  /** The JSON path itself, when it is known at compile time (not inside a json_each). */
  readonly known?: string
}

/**
 * An SQL test of a candidate. `sql(loc)` is true, false or NULL (read as false), and never true
 * when `loc` holds nothing (its type is NULL); `missing` is the test's result for a missing value.
 */
export interface ValueSql {
  readonly sql: (loc: Loc) => string
  readonly missing: boolean
  /** The same test for a candidate known to be a JSON number, given the SQL of its value. */
  readonly number?: (value: string) => string
  /**
   * The closed interval `[lo, hi]` of the numbers (doubles) the test accepts, for numeric tests
   * (empty when lo > hi). Stored numbers are doubles, so a strict bound becomes the next double.
   */
  readonly interval?: readonly [lo: number, hi: number]
}

/** The stored tag (`$t`) or another member of a tagged object at `loc`. */
export function member(loc: Loc, name: string, params: Params): string {
  return `json_extract(d.doc, ${loc.path} || ${params.add(`."${name}"`)})`
}

/** True when `loc` holds a plain (untagged) object, one the path walk may step into. */
export function plainObject(loc: Loc, params: Params): string {
  return `(${loc.type} = 'object' AND ${member(loc, '$t', params)} IS NULL)`
}

type Order = '$gt' | '$gte' | '$lt' | '$lte'
const SQL_ORDER: Record<Order, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }

/** A number bracket value as a double, or undefined (not numeric, or NaN: left to JS). */
function numericOperand(x: unknown): number | undefined {
  let n: number
  if (typeof x === 'number') n = x
  else if (typeof x === 'bigint' || isLong(x) || isDecimal128(x)) n = toNumber(x)
  else return undefined
  return n === n ? n : undefined
}

function numberTest(op: string, n: number, params: Params): ValueSql {
  const p = params.add(n)
  // A CASE on the type reads it once; numbers stored as tags (Long, Decimal128) compare by `n`.
  return {
    missing: false,
    number: (value) => `${value} ${op} ${p}`,
    interval: intervalOf(op, n),
    sql: (loc) =>
      `(CASE ${loc.type} WHEN 'integer' THEN ${loc.value} ${op} ${p} WHEN 'real' THEN ${loc.value} ${op} ${p} ` +
      `WHEN 'object' THEN (${member(loc, '$t', params)} IN ('long', 'dec') AND ` +
      `ifnull(${member(loc, 'n', params)} ${op} ${p}, 0)) ELSE 0 END)`,
  }
}

const NONE: readonly [number, number] = [Infinity, -Infinity]

function intervalOf(op: string, n: number): readonly [number, number] {
  switch (op) {
    case '=':
      return [n, n]
    case '>':
      return n === Infinity ? NONE : [nextUp(n), Infinity]
    case '>=':
      return [n, Infinity]
    case '<':
      return n === -Infinity ? NONE : [-Infinity, -nextUp(-n)]
    default:
      return [-Infinity, n]
  }
}

const bits = new Float64Array(1)
const word = new BigInt64Array(bits.buffer)

/** The smallest double greater than `n` (n not NaN, not +Infinity). */
function nextUp(n: number): number {
  if (n === 0) return Number.MIN_VALUE
  bits[0] = n
  word[0] += n > 0 ? 1n : -1n
  return bits[0]
}

function taggedTest(tag: string, op: string, v: unknown, params: Params): ValueSql {
  const t = params.add(tag)
  const p = params.add(v)
  return {
    missing: false,
    sql: (loc) =>
      `(${loc.type} = 'object' AND ${member(loc, '$t', params)} = ${t} AND ifnull(${member(loc, 'v', params)} ${op} ${p}, 0))`,
  }
}

/** Equality with `x`, as the core's equalsTest; undefined when not expressible. */
export function equalsSql(x: unknown, params: Params): ValueSql | undefined {
  if (x === null || x === undefined)
    return { missing: true, sql: (loc) => `(${loc.type} = 'null')` }
  switch (typeof x) {
    case 'string': {
      const p = params.add(x)
      return { missing: false, sql: (loc) => `(${loc.type} = 'text' AND ${loc.value} = ${p})` }
    }
    case 'boolean': {
      const t = x ? "'true'" : "'false'"
      return { missing: false, sql: (loc) => `(${loc.type} = ${t})` }
    }
  }
  const n = numericOperand(x)
  if (n !== undefined) return numberTest('=', n, params)
  if (x instanceof Date) {
    const t = x.getTime()
    return t === t ? taggedTest('date', '=', t, params) : undefined
  }
  if (isObjectId(x)) return taggedTest('oid', '=', x.toHexString(), params)
  return undefined
}

/** `$gt`/`$gte`/`$lt`/`$lte` with `x`, within x's type bracket as the core's orderTest. */
export function orderSql(order: Order, x: unknown, params: Params): ValueSql | undefined {
  const op = SQL_ORDER[order]
  if (typeof x === 'string') {
    const p = params.add(x)
    return { missing: false, sql: (loc) => `(${loc.type} = 'text' AND ${loc.value} ${op} ${p})` }
  }
  // The core orders 64-bit integer operands exactly (not as doubles): left to it.
  if (typeof x === 'bigint' || isLong(x)) return undefined
  const n = numericOperand(x)
  if (n !== undefined) return numberTest(op, n, params)
  if (x instanceof Date) {
    const t = x.getTime()
    return t === t ? taggedTest('date', op, t, params) : undefined
  }
  return undefined
}

/** A regular expression test: strings it matches, and stored regular expressions equal to it. */
export function regexSql(re: RegExp, params: Params): ValueSql {
  const source = params.add(re.source)
  const flags = params.add(re.flags)
  return {
    missing: false,
    sql: (loc) =>
      `((${loc.type} = 'text' AND memgoose_regexp(${source}, ${flags}, ${loc.value})) OR ` +
      `(${loc.type} = 'object' AND ${member(loc, '$t', params)} = 're' AND ` +
      `${member(loc, 'v', params)} = ${source} AND ${member(loc, 'f', params)} = ${flags}))`,
  }
}

/** Any of `tests` (for `$in`); `missing` when any of them accepts a missing value. */
export function anySql(tests: readonly ValueSql[]): ValueSql {
  if (tests.length === 0) return { missing: false, sql: () => '0' }
  if (tests.length === 1) return tests[0]
  return {
    missing: tests.some((t) => t.missing),
    sql: (loc) =>
      balancedJoin(
        tests.map((t) => t.sql(loc)),
        'OR'
      ),
  }
}

/**
 * `a OR b OR c ...` (or AND) as a balanced tree: SQLite parses a flat chain left-deep and refuses trees
 * deeper than 1000, which a `$in` of a thousand values (a `$lookup` batch) or as many index ranges
 * would reach.
 */
export function balancedJoin(parts: readonly string[], op: 'AND' | 'OR'): string {
  if (parts.length === 1) return parts[0]
  const mid = parts.length >> 1
  return `(${balancedJoin(parts.slice(0, mid), op)} ${op} ${balancedJoin(parts.slice(mid), op)})`
}

/**
 * Builds a RegExp exactly as the core does for a pattern and option letters, or undefined when the
 * options need the core's own handling (`x`) so the test stays in JS.
 */
export function regexOf(source: string, options: string): RegExp | undefined {
  let flags = ''
  for (const letter of options) {
    if (letter === 'x') return undefined
    if ('imsuv'.includes(letter)) {
      if (!flags.includes(letter)) flags += letter
    } else if (letter !== 'g' && letter !== 'y' && letter !== 'd') return undefined
  }
  try {
    return new RegExp(source, flags)
  } catch {
    return undefined
  }
}
