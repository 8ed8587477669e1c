/**
 * `$out` (replace a collection with the results) and `$merge` (upsert them into one) through
 * `AggregateContext.write`. Both are final stages and output nothing.
 */
import { isPlainObject } from '../../values/bson.js'
import { NotSupportedError } from '../../errors/index.js'
import { splitPath } from '../../values/paths.js'
import type { Doc, WhenMatched, WhenNotMatched, WriteMode } from '../types.js'
import { collect } from './batches.js'
import { badStage } from './errors.js'
import type { StageCompiler } from './types.js'

function target(name: string, value: unknown): string {
  if (typeof value === 'string' && value !== '') return value
  if (isPlainObject(value) && typeof value.coll === 'string' && value.coll !== '') return value.coll
  throw badStage(name, 'requires a collection name or { db, coll }')
}

const none: Doc[][] = []

const MATCHED = new Set(['replace', 'keepExisting', 'merge', 'fail'])
const NOT_MATCHED = new Set(['insert', 'discard', 'fail'])

/** Compiles `$out` and `$merge`. */
export const writeOut: StageCompiler = (spec, _env, name) => {
  let collection: string
  let mode: WriteMode
  if (name === '$out') {
    collection = target(name, spec)
    mode = { kind: 'out' }
  } else {
    const options = typeof spec === 'string' ? { into: spec } : spec
    if (!isPlainObject(options)) throw badStage(name, 'requires a collection name or { into, ... }')
    for (const key of Object.keys(options)) {
      if (!['into', 'on', 'whenMatched', 'whenNotMatched', 'let'].includes(key))
        throw badStage(name, `unknown argument "${key}"`)
    }
    collection = target(name, options.into)
    const on =
      options.on === undefined
        ? ['_id']
        : typeof options.on === 'string'
          ? [options.on]
          : options.on
    if (!Array.isArray(on) || on.length === 0 || !on.every((f) => typeof f === 'string')) {
      throw badStage(name, "'on' must be a field name or an array of them")
    }
    for (const f of on) splitPath(f)
    const whenMatched = (options.whenMatched ?? 'merge') as WhenMatched
    if (Array.isArray(whenMatched))
      throw new NotSupportedError(`${name}: a pipeline for whenMatched is not supported`)
    if (!MATCHED.has(whenMatched))
      throw badStage(name, `unknown whenMatched ${String(whenMatched)}`)
    const whenNotMatched = (options.whenNotMatched ?? 'insert') as WhenNotMatched
    if (!NOT_MATCHED.has(whenNotMatched))
      throw badStage(name, `unknown whenNotMatched ${String(whenNotMatched)}`)
    mode = { kind: 'merge', on: on as string[], whenMatched, whenNotMatched }
  }
  return {
    name,
    async *run(input, rt) {
      const docs = await collect(input)
      if (!rt.ctx.write) throw new NotSupportedError(`${name} needs a database that accepts writes`)
      await rt.ctx.write(collection, docs, mode)
      // A final writing stage outputs no documents.
      yield* none
    },
  }
}
