/**
 * `$rename`: compiled into a removal at the source path and a write at the destination, both in the
 * update tree (so conflicts with other operators are caught like any other path). The moved value is
 * read from the original document before the tree is applied.
 */
import { QueryError } from '../errors/index.js'
import { isPlainObject } from '../values/bson.js'
import { formatValue } from './messages.js'
import { parseUpdatePath } from './tree.js'
import type { Rename } from './types.js'

const hasOwn = Object.prototype.hasOwnProperty

/** Validates one `{ from: to }` pair of a `$rename`. */
export function compileRename(from: string, to: unknown): Rename {
  if (typeof to !== 'string') {
    throw new QueryError(
      'BAD_UPDATE',
      `The 'to' field for $rename must be a string: ${from}: ${formatValue(to)}`
    )
  }
  const fromParts = parseUpdatePath(from, '$rename')
  const toParts = parseUpdatePath(to, '$rename')
  if (fromParts.some((p) => p.startsWith('$'))) {
    throw new QueryError('BAD_UPDATE', `The source field for $rename may not be dynamic: ${from}`)
  }
  if (toParts.some((p) => p.startsWith('$'))) {
    throw new QueryError(
      'BAD_UPDATE',
      `The destination field for $rename may not be dynamic: ${to}`
    )
  }
  if (from === to) {
    throw new QueryError(
      'BAD_UPDATE',
      `The source and target field for $rename must differ: ${from}: ${formatValue(to)}`
    )
  }
  if (isPrefix(fromParts, toParts) || isPrefix(toParts, fromParts)) {
    throw new QueryError(
      'BAD_UPDATE',
      `The source and target field for $rename must not be on the same path: ${from}: ${formatValue(to)}`
    )
  }
  return { from: fromParts, fromPath: from, to: toParts, toPath: to }
}

function isPrefix(a: readonly string[], b: readonly string[]): boolean {
  return a.length <= b.length && a.every((part, i) => part === b[i])
}

/**
 * The value at each rename's source (undefined when missing). Throws, as MongoDB does, when a source
 * or (for a present source) a destination path goes through an array.
 */
export function readRenameSources(
  doc: Record<string, unknown>,
  renames: readonly Rename[]
): unknown[] {
  return renames.map((rename) => {
    const value = walk(doc, rename.from, rename.fromPath, 'source')
    if (value !== undefined) walk(doc, rename.to.slice(0, -1), rename.toPath, 'destination')
    return value
  })
}

function walk(
  doc: Record<string, unknown>,
  parts: readonly string[],
  path: string,
  role: 'source' | 'destination'
): unknown {
  let current: unknown = doc
  for (let i = 0; i < parts.length; i++) {
    if (!isPlainObject(current)) return undefined
    current = hasOwn.call(current, parts[i]) ? current[parts[i]] : undefined
    if (Array.isArray(current) && (role === 'destination' || i < parts.length - 1)) {
      throw new QueryError(
        'BAD_UPDATE',
        `The ${role} field cannot be an array element, '${path}' in doc with _id: ${formatValue(doc._id)} has an array field called '${parts[i]}'`
      )
    }
  }
  return current
}
