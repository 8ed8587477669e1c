/**
 * `$unwind`: one document per array element. `{ path, includeArrayIndex, preserveNullAndEmptyArrays }`
 * or a `'$path'` string. A non-array value passes as a one-element array; null, missing and empty
 * arrays are dropped unless preserved.
 */
import { isPlainObject } from '../../values/bson.js'
import { fieldParts, getField, withField } from '../doc-path.js'
import type { Doc } from '../types.js'
import { batchStage } from './batches.js'
import { badStage } from './errors.js'
import type { StageCompiler } from './types.js'

/** Compiles `$unwind`. */
export const unwind: StageCompiler = (spec, _env, name) => {
  const options = typeof spec === 'string' ? { path: spec } : spec
  if (
    !isPlainObject(options) ||
    typeof options.path !== 'string' ||
    !options.path.startsWith('$')
  ) {
    throw badStage(name, 'path must be a string starting with "$"')
  }
  for (const key of Object.keys(options)) {
    if (key !== 'path' && key !== 'includeArrayIndex' && key !== 'preserveNullAndEmptyArrays') {
      throw badStage(name, `unknown option "${key}"`)
    }
  }
  const parts = fieldParts(options.path)
  const indexField = options.includeArrayIndex
  if (
    indexField !== undefined &&
    (typeof indexField !== 'string' || indexField === '' || indexField.startsWith('$'))
  ) {
    throw badStage(name, 'includeArrayIndex must be a field name not starting with "$"')
  }
  const indexParts = indexField === undefined ? undefined : fieldParts(indexField)
  const preserve = options.preserveNullAndEmptyArrays === true
  const emit = (out: Doc[], doc: Doc, value: unknown, index: number | null, set: boolean) => {
    let next = set ? withField(doc, parts, value) : doc
    if (indexParts) next = withField(next, indexParts, index)
    out.push(next)
  }
  return batchStage(name, (batch) => {
    const out: Doc[] = []
    for (const doc of batch) {
      const value = getField(doc, parts)
      if (Array.isArray(value)) {
        if (value.length === 0) {
          if (preserve) emit(out, doc, undefined, null, true)
          continue
        }
        for (let i = 0; i < value.length; i++) emit(out, doc, value[i], i, true)
      } else if (value === null || value === undefined) {
        if (preserve) emit(out, doc, value, null, false)
      } else emit(out, doc, value, null, false)
    }
    return out
  })
}
