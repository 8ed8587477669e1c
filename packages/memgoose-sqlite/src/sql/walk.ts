/**
 * MongoDB's array-aware path walk (the core's query/filter/walk.ts) written in SQL over `d.doc`:
 * a path steps into plain objects, into the subdocuments of arrays met on the way, and a leaf
 * array offers its elements as candidates too. Conditions on one path share one walk as long as
 * the path meets no array (then each condition walks the array on its own, since MongoDB lets
 * different elements satisfy different conditions).
 */
import type { Params } from './params.js'
import { member, plainObject } from './values.js'
import type { Loc, ValueSql } from './values.js'

const TAG_MEMBERS = new Set(['v', 'n', 's', 'k', 'f'])

/** A test over the candidates of a path, possibly negated ($ne, $nin, $exists: false). */
export interface Leaf {
  readonly kind: 'leaf'
  readonly test: ValueSql
  /** Whether a leaf array's elements are candidates too. */
  readonly expand: boolean
  readonly negate: boolean
}

/** A compiled condition on a path: a leaf, or `$not` of a conjunction. */
export type Cond = Leaf | { readonly kind: 'not'; readonly inner: readonly Cond[] }

/** Generates the SQL of path conditions, binding path strings into `params`. */
export class PathWalk {
  readonly #params: Params
  readonly #root: Loc
  #alias = 0

  constructor(params: Params, root: Loc) {
    this.#params = params
    this.#root = root
  }

  /** All of `conds` hold on the path `parts` from `root` (core's conditionHolds, conjoined). */
  holdsAll(conds: readonly Cond[], root: Loc, parts: readonly string[]): string {
    const positive: Leaf[] = []
    const out: string[] = []
    for (const cond of conds) {
      if (cond.kind === 'leaf' && !cond.negate) positive.push(cond)
      else if (cond.kind === 'leaf') out.push(`NOT ${this.#any(root, parts, 0, [cond])}`)
      else out.push(`NOT (${this.holdsAll(cond.inner, root, parts)})`)
    }
    if (positive.length > 0) out.unshift(this.#walk(root, parts, positive))
    return out.length === 1 ? out[0] : `(${out.join(' AND ')})`
  }

  /**
   * #any from the top of the document, with a shortcut for the usual case of a dotted path: when a
   * JSON path of object steps alone reaches a scalar (SQLite's `.name` never steps into arrays)
   * through no tagged value, that scalar is the only candidate, so the leaves are tested on it
   * directly instead of through the per-level type dispatch.
   */
  #walk(root: Loc, parts: readonly string[], leaves: readonly Leaf[]): string {
    const general = this.#any(root, parts, 0, leaves)
    const numeric = leaves.every((l) => l.test.number !== undefined)
    if (root !== this.#root || (parts.length < 2 && !numeric)) return general
    const checks: string[] = []
    let prefix = '$'
    for (let i = 0; i < parts.length - 1; i++) {
      prefix += `."${parts[i]}"`
      // A tag has only the members `$t`, v, n, s, k and f: a step to any other name proves the
      // object before it untagged, so only these names need the check.
      if (TAG_MEMBERS.has(parts[i + 1])) {
        checks.push(`json_extract(d.doc, ${this.#params.add(`${prefix}."$t"`)}) IS NULL`)
      }
    }
    const path = this.#params.add(`${prefix}."${parts[parts.length - 1]}"`)
    const loc: Loc = {
      path,
      type: `json_type(d.doc, ${path})`,
      value: `json_extract(d.doc, ${path})`,
    }
    const interval = numeric ? commonInterval(leaves) : undefined
    if (interval !== undefined) {
      // The usual range query, in the fewest JSON reads: a value BETWEEN two numbers is a number
      // (SQL orders text above every number, and NULL compares to nothing) or a boolean (read as
      // 0 or 1, which the interval excludes). A number found outside it fails; anything else takes
      // the general walk.
      const between = `BETWEEN ${this.#params.add(interval[0])} AND ${this.#params.add(interval[1])}`
      if (checks.length === 0) {
        // The value read once, in a subquery: a number or boolean outside the interval is 0
        // (booleans never pass a numeric test), anything else that is not inside is NULL.
        const kind =
          `(SELECT CASE WHEN v ${between} THEN 1 WHEN typeof(v) IN ('integer', 'real') THEN 0 END ` +
          `FROM (SELECT ${loc.value} AS v))`
        return `(CASE ${kind} WHEN 1 THEN 1 WHEN 0 THEN 0 ELSE ${general} END)`
      }
      const number = `${loc.type} IN ('integer', 'real')`
      return (
        `(CASE WHEN ${[`${loc.value} ${between}`, ...checks].join(' AND ')} THEN 1 ` +
        `WHEN ${[number, ...checks].join(' AND ')} THEN 0 ELSE ${general} END)`
      )
    }
    // Number comparisons get a cheap form too: one type check, then plain comparisons of the
    // extracted value.
    checks.unshift(
      `${loc.type} IN ${numeric ? "('integer', 'real')" : "('integer', 'real', 'text', 'true', 'false', 'null')"}`
    )
    const tests = leaves.map((l) =>
      numeric
        ? (l.test.number as (value: string) => string)(loc.value)
        : `ifnull(${l.test.sql(loc)}, 0)`
    )
    return `(CASE WHEN ${checks.join(' AND ')} THEN ${tests.join(' AND ')} ELSE ${general} END)`
  }

  /** A json_each over the array at `loc`, and the location of its elements. */
  each(loc: Loc): { from: string; loc: Loc } {
    const alias = `e${this.#alias++}`
    return {
      from: `json_each(d.doc, ${loc.path}) AS ${alias}`,
      loc: { path: `${alias}.fullkey`, type: `${alias}.type`, value: `${alias}.value` },
    }
  }

  /**
   * Every leaf has a candidate on `parts[i..]` from `loc` that passes it (core's anyCandidate).
   * `isObject`: `loc` is known to hold a plain object (the root, or a checked array element).
   */
  #any(
    loc: Loc,
    parts: readonly string[],
    i: number,
    leaves: readonly Leaf[],
    isObject = loc === this.#root
  ): string {
    const missing = leaves.every((l) => l.test.missing) ? '1' : '0'
    if (i === parts.length) {
      const tests = leaves.map((l) => `ifnull(${l.test.sql(loc)}, 0)`)
      const arrays = leaves.map((l, k) => {
        if (!l.expand) return tests[k]
        const e = this.each(loc)
        return `(EXISTS (SELECT 1 FROM ${e.from} WHERE ${l.test.sql(e.loc)}) OR ${tests[k]})`
      })
      const value = tests.length === 1 ? tests[0] : `(${tests.join(' AND ')})`
      const array = arrays.length === 1 ? arrays[0] : `(${arrays.join(' AND ')})`
      // One CASE on the type: SQLite runs the json_each subqueries only for arrays. A missing
      // value fails every test that does not accept it, so only those need their own branch.
      return leaves.some((l) => l.test.missing)
        ? `(CASE ifnull(${loc.type}, 'missing') WHEN 'missing' THEN ${missing} WHEN 'array' THEN ${array} ELSE ${value} END)`
        : `(CASE ${loc.type} WHEN 'array' THEN ${array} ELSE ${value} END)`
    }
    // A path known when compiling is bound whole, so SQLite sees one constant per path.
    const known = loc.known === undefined ? undefined : `${loc.known}."${parts[i]}"`
    const childPath =
      known === undefined
        ? `${loc.path} || ${this.#params.add(`."${parts[i]}"`)}`
        : this.#params.add(known)
    const child: Loc = {
      path: childPath,
      type: `json_type(d.doc, ${childPath})`,
      value: `json_extract(d.doc, ${childPath})`,
      known,
    }
    const inObject = this.#any(child, parts, i + 1, leaves)
    if (isObject) return inObject
    const inArray = leaves.map((leaf) => {
      const e = this.each(loc)
      return (
        `EXISTS (SELECT 1 FROM ${e.from} WHERE ${plainObject(e.loc, this.#params)} AND ` +
        `${this.#any(e.loc, parts, i, [leaf], true)})`
      )
    })
    return (
      `(CASE ${loc.type} WHEN 'object' THEN (CASE WHEN ${member(loc, '$t', this.#params)} IS NULL ` +
      `THEN ${inObject} ELSE ${missing} END) WHEN 'array' THEN (${inArray.join(' AND ')}) ` +
      `ELSE ${missing} END)`
    )
  }
}

/**
 * The numbers every leaf accepts, as one closed interval, when each leaf knows its interval and
 * the result holds neither 0 nor 1 (the values SQL reads JSON booleans as); else undefined.
 */
function commonInterval(leaves: readonly Leaf[]): readonly [number, number] | undefined {
  let lo = -Infinity
  let hi = Infinity
  for (const leaf of leaves) {
    const interval = leaf.test.interval
    if (interval === undefined) return undefined
    if (interval[0] > lo) lo = interval[0]
    if (interval[1] < hi) hi = interval[1]
  }
  if ((lo <= 0 && hi >= 0) || (lo <= 1 && hi >= 1)) return undefined
  return [lo, hi]
}
