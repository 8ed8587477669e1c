/**
 * The SQL functions the engine registers on its connection: regular expression tests and MongoDB
 * sort keys, both computed by the same JS code the core uses so SQL and JS never disagree.
 */
import { Buffer } from 'node:buffer'
import { decodeDocument } from './codec.js'
import { encodeKey, sortKeyOf, splitPath } from './core.js'
import type { SqliteDatabase } from './driver.js'

const EMPTY_ARRAY_KEY = Buffer.from([0])
const MAX_REGEXPS = 256

/** Registers `memgoose_regexp(source, flags, text)` and `memgoose_sortkey(json, path, dir, whole)`. */
export function registerFunctions(db: SqliteDatabase): void {
  const regexps = new Map<string, RegExp>()
  db.function(
    'memgoose_regexp',
    { deterministic: true },
    (source: string, flags: string, text: unknown): number => {
      if (typeof text !== 'string') return 0
      const cacheKey = `${flags}/${source}`
      let re = regexps.get(cacheKey)
      if (re === undefined) {
        re = new RegExp(source, flags)
        if (regexps.size >= MAX_REGEXPS) regexps.clear()
        regexps.set(cacheKey, re)
      }
      return re.test(text) ? 1 : 0
    }
  )
  db.function(
    'memgoose_sortkey',
    { deterministic: true },
    (json: string | null, path: string, dir: number, whole: number): Buffer => {
      let doc: unknown
      if (whole === 1) doc = json === null ? undefined : decodeDocument(json)
      else {
        const top = splitPath(path)[0]
        doc = json === null ? {} : { [top]: decodeDocument(`[${json}]`)[0] }
      }
      const key = sortKeyOf(doc, path, dir === -1 ? -1 : 1)
      if (typeof key === 'symbol') return EMPTY_ARRAY_KEY
      return Buffer.from(encodeKey([key === undefined ? null : key]), 'latin1')
    }
  )
}
