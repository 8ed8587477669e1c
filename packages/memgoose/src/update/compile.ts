/**
 * `compileUpdate`: validates an update document once and turns it into the tree `applyUpdate` walks,
 * so a multi-document update parses, splits paths and checks conflicts once, not per document.
 */
import { NotSupportedError, QueryError } from '../errors/index.js'
import { isPlainObject } from '../values/bson.js'
import { assertSafeKey } from '../values/paths.js'
import { compileLeaf, isLeafOperator } from './operator-args.js'
import { compileRename } from './rename.js'
import { assertWritableValue } from './safe-values.js'
import {
  addLeaf,
  classify,
  draftRoot,
  finalizeTree,
  isPlainField,
  parseUpdatePath,
} from './tree.js'
import type { CompiledUpdate, Rename } from './types.js'

/** Options of `compileUpdate`. */
export interface CompileUpdateOptions {
  /**
   * mongoose's `overwrite`: the update is a replacement document. Without it, a document with no
   * operators is treated as `$set` of its fields, as mongoose's `updateOne` does.
   */
  readonly overwrite?: boolean
}

/**
 * True when `update` is an object with no `$`-operator keys, i.e. a replacement document (false for
 * arrays, which are aggregation pipelines, and other non-objects). Throws
 * `QueryError('BAD_UPDATE')` when operators and plain fields are mixed.
 */
export function isReplacement(update: unknown): boolean {
  if (!isPlainObject(update)) return false
  let operators = 0
  const keys = Object.keys(update)
  for (const key of keys) if (key.startsWith('$')) operators++
  if (operators > 0 && operators < keys.length) {
    throw new QueryError(
      'BAD_UPDATE',
      'An update cannot mix update operators ($set, $inc, ...) with plain fields; use $set for the fields'
    )
  }
  return operators === 0
}

/**
 * Validates and compiles an update document (or a replacement with `overwrite: true`). A document
 * without operators is `$set` of its fields unless `overwrite` is set; `{}` is rejected unless it is
 * a replacement. Throws
 * `QueryError` with `BAD_UPDATE`, `CONFLICTING_UPDATE`, `TYPE_MISMATCH` or `UNKNOWN_OPERATOR`,
 * `UnsafeInputError` (`UNSAFE_KEY`) for `__proto__`/`constructor`/`prototype` anywhere, and
 * `NotSupportedError` for aggregation-pipeline updates.
 */
export function compileUpdate(update: unknown, options: CompileUpdateOptions = {}): CompiledUpdate {
  if (Array.isArray(update)) {
    throw new NotSupportedError('Aggregation pipeline updates are not supported yet')
  }
  if (!isPlainObject(update)) {
    throw new QueryError('BAD_UPDATE', 'An update must be an object of update operators')
  }
  for (const key of Object.keys(update)) assertSafeKey(key, 'an update')
  const replacement = isReplacement(update)
  if (options.overwrite === true) {
    if (!replacement) {
      throw new QueryError('BAD_UPDATE', 'A replacement document cannot contain update operators')
    }
    return compileReplacement(update)
  }
  if (Object.keys(update).length === 0) {
    throw new QueryError('BAD_UPDATE', 'Update document is empty: specify at least one operator')
  }
  return compileOperators(replacement ? { $set: update } : update)
}

function compileReplacement(update: Record<string, unknown>): CompiledUpdate {
  for (const key of Object.keys(update)) {
    classify(key, key)
    assertWritableValue(update[key], key)
  }
  return { kind: 'replacement', replacement: update }
}

function compileOperators(update: Record<string, unknown>): CompiledUpdate {
  const root = draftRoot()
  const renames: Rename[] = []
  const identifiers = new Set<string>()
  const operators = Object.keys(update)
  for (const op of operators) {
    if (op !== '$rename' && !isLeafOperator(op)) {
      throw new QueryError(
        'UNKNOWN_OPERATOR',
        `Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`
      )
    }
    const fields = update[op]
    if (!isPlainObject(fields)) {
      throw new QueryError(
        'BAD_UPDATE',
        `Modifiers operate on fields but we found a value instead. For example: {$mod: {<field>: ...}} not {${op}: ...}`
      )
    }
    const paths = Object.keys(fields)
    if (paths.length === 0) {
      throw new QueryError(
        'BAD_UPDATE',
        `'${op}' is empty. You must specify a field like so: {${op}: {<field>: ...}}`
      )
    }
    for (const path of paths) {
      if (op === '$rename') {
        const rename = compileRename(path, fields[path])
        const index = renames.push(rename) - 1
        addLeaf(root, rename.from, {
          kind: 'renameFrom',
          op,
          path,
          field: last(rename.from),
          arg: index,
        })
        addLeaf(root, rename.to, {
          kind: 'renameTo',
          op,
          path: rename.toPath,
          field: last(rename.to),
          arg: index,
        })
        continue
      }
      const parts = parseUpdatePath(path, op)
      for (const part of parts) {
        if (isPlainField(part)) continue
        const seg = classify(part, path)
        if (seg.kind === 'filtered') identifiers.add(seg.id)
      }
      addLeaf(root, parts, compileLeaf(op, path, last(parts), fields[path]))
    }
  }
  return { kind: 'operators', root: finalizeTree(root), renames, identifiers, operators }
}

function last(parts: readonly string[]): string {
  return parts[parts.length - 1]
}
