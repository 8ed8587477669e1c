/**
 * Compiles a (cast) filter into a parameterised SQL condition over `d.doc`, with MongoDB's semantics:
 * the array-aware path walk of the core's query/filter/walk.ts is spelled out with json_type and
 * json_each, and every value test keeps MongoDB's type brackets (sql/values.ts).
 *
 * Top-level clauses that SQL cannot express exactly (numeric path components, object or array
 * operands, `$type`, `$mod`, `$expr`, ...) are returned as a residual filter that the engine
 * evaluates with the core's compileFilter; a clause is pushed down whole or not at all. Anything
 * malformed is never compiled here either: it lands in the residual, whose compileFilter throws
 * the core's coded error, so a bad filter fails the same way on every engine.
 */
import { splitPath } from '../core.js'
import { isQuotable } from './json-path.js'
import { Params } from './params.js'
import {
  anySql,
  balancedJoin,
  equalsSql,
  orderSql,
  plainObject,
  regexOf,
  regexSql,
} from './values.js'
import type { Loc, ValueSql } from './values.js'
import { PathWalk } from './walk.js'
import type { Cond } from './walk.js'

/** Longest `$in`/`$nin` list compiled to SQL (each member binds a few parameters). */
const MAX_IN_MEMBERS = 2000

/** A filter split into SQL and what is left for JS. */
export interface SqlFilter {
  /** An SQL boolean expression (`1` for no condition). */
  readonly where: string
  /** The clauses SQL could not express, or undefined when the SQL is exact. */
  readonly residual: Record<string, unknown> | undefined
}

const ROOT: Loc = { path: "'$'", type: "json_type(d.doc, '$')", value: 'd.doc', known: '$' }
const DOCUMENT_OPERATORS = new Set(['$and', '$or', '$nor', '$where', '$expr', '$text', '$comment'])

/** Compiles `filter` into `where` (binding into `params`) plus the residual clauses. */
export function compileSqlFilter(
  filter: Record<string, unknown> | undefined,
  params: Params
): SqlFilter {
  if (filter === undefined) return { where: '1', residual: undefined }
  const compiler = new FilterSql(params)
  const pushed: string[] = []
  const residual: Record<string, unknown>[] = []
  for (const key of Object.keys(filter)) {
    const value = filter[key]
    if (key === '$comment') continue
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value as Record<string, unknown>[]) {
        const inner = compileSqlFilter(clause, params)
        if (inner.where !== '1') pushed.push(inner.where)
        if (inner.residual !== undefined) residual.push(inner.residual)
      }
      continue
    }
    const sql = compiler.clause(key, value, ROOT, 0)
    if (sql === undefined) residual.push({ [key]: value })
    else pushed.push(sql)
  }
  return {
    where: pushed.length === 0 ? '1' : pushed.join(' AND '),
    residual:
      residual.length === 0 ? undefined : residual.length === 1 ? residual[0] : { $and: residual },
  }
}

class FilterSql {
  readonly #params: Params
  readonly #walk: PathWalk

  constructor(params: Params) {
    this.#params = params
    this.#walk = new PathWalk(params, ROOT)
  }

  /** A whole filter document on `root`, or undefined when any clause is not expressible. */
  document(filter: Record<string, unknown>, root: Loc, depth: number): string | undefined {
    const parts: string[] = []
    for (const key of Object.keys(filter)) {
      if (key === '$comment') continue
      const sql = this.clause(key, filter[key], root, depth)
      if (sql === undefined) return undefined
      parts.push(sql)
    }
    return parts.length === 0 ? '1' : `(${parts.join(' AND ')})`
  }

  /** One top-level key of a filter document. */
  clause(key: string, value: unknown, root: Loc, depth: number): string | undefined {
    if (depth > 20) return undefined
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(value) || value.length === 0) return undefined
      const subs: string[] = []
      for (const clause of value) {
        if (!isPlain(clause)) return undefined
        const sql = this.document(clause, root, depth + 1)
        if (sql === undefined) return undefined
        subs.push(sql)
      }
      const joined = balancedJoin(subs, key === '$and' ? 'AND' : 'OR')
      return key === '$nor' ? `NOT ${joined}` : joined
    }
    if (key.charCodeAt(0) === 36) return undefined
    const parts = pathParts(key)
    if (parts === undefined) return undefined
    const conds = this.#fieldValue(value, depth)
    if (conds === undefined || conds.length === 0) return undefined
    return this.#walk.holdsAll(conds, root, parts)
  }

  #fieldValue(value: unknown, depth: number): Cond[] | undefined {
    if (value instanceof RegExp) {
      const re = regexOf(value.source, value.flags)
      return re === undefined ? undefined : [leaf(regexSql(re, this.#params))]
    }
    if (isOperatorObject(value)) return this.#operators(value, depth)
    const test = equalsSql(value, this.#params)
    return test === undefined ? undefined : [leaf(test)]
  }

  #operators(ops: Record<string, unknown>, depth: number): Cond[] | undefined {
    const conds: Cond[] = []
    const params = this.#params
    for (const op of Object.keys(ops)) {
      const x = ops[op]
      let cond: Cond | Cond[] | undefined
      switch (op) {
        case '$eq':
        case '$ne': {
          const test = equalsSql(x, params)
          cond = test && leaf(test, true, op === '$ne')
          break
        }
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte': {
          const test = orderSql(op, x, params)
          cond = test && leaf(test)
          break
        }
        case '$in':
        case '$nin': {
          const test = this.#membership(x)
          cond = test && leaf(test, true, op === '$nin')
          break
        }
        case '$exists':
          cond = leaf({ missing: false, sql: (loc) => `(${loc.type} IS NOT NULL)` }, false, !x)
          break
        case '$size': {
          if (typeof x !== 'number' || !Number.isInteger(x) || x < 0) return undefined
          const n = params.add(x)
          cond = leaf(
            {
              missing: false,
              sql: (loc) =>
                `(${loc.type} = 'array' AND json_array_length(d.doc, ${loc.path}) = ${n})`,
            },
            false
          )
          break
        }
        case '$regex': {
          const options = ops.$options ?? (x instanceof RegExp ? x.flags : '')
          const source = x instanceof RegExp ? x.source : x
          if (typeof source !== 'string' || typeof options !== 'string') return undefined
          const re = regexOf(source, options)
          cond = re && leaf(regexSql(re, params))
          break
        }
        case '$options':
          continue
        case '$not': {
          const inner =
            x instanceof RegExp
              ? this.#fieldValue(x, depth)
              : isOperatorObject(x)
                ? this.#operators(x, depth + 1)
                : undefined
          cond = inner && { kind: 'not', inner }
          break
        }
        case '$all':
          cond = this.#all(x, depth)
          break
        case '$elemMatch':
          cond = this.#elemMatch(x, depth)
          break
        default:
          return undefined
      }
      if (cond === undefined) return undefined
      if (Array.isArray(cond)) conds.push(...cond)
      else conds.push(cond)
    }
    return conds
  }

  #membership(list: unknown): ValueSql | undefined {
    // Very long lists stay in the JS residual: each member binds parameters, and SQLite caps those.
    if (!Array.isArray(list) || list.length > MAX_IN_MEMBERS) return undefined
    const tests: ValueSql[] = []
    for (const member of list) {
      if (member instanceof RegExp) {
        const re = regexOf(member.source, member.flags)
        if (re === undefined) return undefined
        tests.push(regexSql(re, this.#params))
        continue
      }
      // The core's $in compares Long/Decimal128 members with plain numbers differently from $eq;
      // leaving them to the core keeps both engines identical.
      if (
        isOperatorObject(member) ||
        (typeof member === 'object' &&
          member !== null &&
          !isPlain(member) &&
          !(member instanceof Date) &&
          '_bsontype' in member &&
          (member as { _bsontype: string })._bsontype !== 'ObjectId')
      )
        return undefined
      const test = equalsSql(member, this.#params)
      if (test === undefined) return undefined
      tests.push(test)
    }
    return anySql(tests)
  }

  #all(list: unknown, depth: number): Cond[] | undefined {
    if (!Array.isArray(list)) return undefined
    if (list.length === 0) return [leaf({ missing: false, sql: () => '0' })]
    const conds: Cond[] = []
    for (const member of list) {
      let cond: Cond | undefined
      if (isOperatorObject(member)) {
        const keys = Object.keys(member)
        if (keys.length !== 1 || keys[0] !== '$elemMatch') return undefined
        cond = this.#elemMatch(member.$elemMatch, depth)
      } else {
        const inner = this.#fieldValue(member, depth)
        cond = inner?.length === 1 ? inner[0] : undefined
      }
      if (cond === undefined) return undefined
      conds.push(cond)
    }
    return conds
  }

  #elemMatch(operand: unknown, depth: number): Cond | undefined {
    if (!isPlain(operand)) return undefined
    const keys = Object.keys(operand)
    const valueForm = keys.some((k) => k.charCodeAt(0) === 36 && !DOCUMENT_OPERATORS.has(k))
    let element: ((loc: Loc) => string) | undefined
    if (valueForm) {
      const conds = this.#operators(operand, depth + 1)
      if (conds === undefined) return undefined
      element = (loc) => conds.map((c) => this.#holdsOnValue(c, loc)).join(' AND ') || '1'
    } else {
      const probe = this.document(operand, ROOT, depth + 1)
      if (probe === undefined) return undefined
      element = (loc) =>
        `((${loc.type} = 'array' OR ${plainObject(loc, this.#params)}) AND ${this.document(operand, loc, depth + 1)})`
    }
    const test = element
    return leaf(
      {
        missing: false,
        sql: (loc) => {
          const e = this.#walk.each(loc)
          return `(${loc.type} = 'array' AND EXISTS (SELECT 1 FROM ${e.from} WHERE ${test(e.loc)}))`
        },
      },
      false
    )
  }

  /** The condition on one value, with no path walk and no array expansion (core's holdsOnValue). */
  #holdsOnValue(cond: Cond, loc: Loc): string {
    if (cond.kind === 'leaf') {
      const sql = `ifnull(${cond.test.sql(loc)}, 0)`
      return cond.negate ? `NOT ${sql}` : sql
    }
    return `NOT (${cond.inner.map((c) => this.#holdsOnValue(c, loc)).join(' AND ')})`
  }
}

function leaf(test: ValueSql, expand = true, negate = false): Cond {
  return { kind: 'leaf', test, expand, negate }
}

function isPlain(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlain(value)) return false
  for (const key in value) return key.charCodeAt(0) === 36
  return false
}

/**
 * The stored JSON labels of a dot path, or undefined when SQL cannot address it exactly: numeric
 * components (array position or field name, decided per document), empty components, and names
 * containing `"` or control characters, which SQLite JSON paths cannot quote.
 */
function pathParts(path: string): string[] | undefined {
  // splitPath rejects __proto__/constructor/prototype with the core's UNSAFE_KEY error.
  const parts = [...splitPath(path)]
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]
    if (part === '' || /^\d+$/.test(part) || !isQuotable(part)) return undefined
    parts[i] = part.charCodeAt(0) === 36 ? '$' + part : part
  }
  return parts
}
