/**
 * A schema's paths arranged per object level (the root, and each nested path), so casting a
 * document costs one Map lookup per key instead of building and looking up each dotted path.
 */
import type { Schema } from './schema.js'
import type { SchemaType } from './schema-type.js'

/** A key of one object level that the schema knows: a typed path or a nested object. */
export interface Field {
  readonly type: SchemaType | undefined
  /** Where the cast value goes in the output object. */
  readonly outKey: string
  /** The nested level, when `type` is undefined. */
  readonly level: Level | undefined
  readonly path: string
  /** `path + '.'`, the prefix of the nested level's paths. */
  readonly prefix: string
}

/** The known keys of one object level (the root, or a nested path). */
export class Level {
  readonly fields = new Map<string, Field>()
  // The keys of the last object cast at this level, by position, and what they resolved to:
  // objects of one shape, the usual stream, resolve each key with a pointer comparison.
  readonly #lastKeys: string[] = []
  readonly #lastFields: (Field | undefined)[] = []

  /** The field of `key`, the `position`-th key of the object being cast. */
  field(key: string, position: number): Field | undefined {
    if (this.#lastKeys[position] === key) return this.#lastFields[position]
    const field = this.fields.get(key)
    if (position < MAX_REMEMBERED_KEYS) {
      this.#lastKeys[position] = key
      this.#lastFields[position] = field
    }
    return field
  }
}

/** How many key positions a Level remembers. */
const MAX_REMEMBERED_KEYS = 64

/** The compiled levels of a schema, and the shape of `paths`/`nested` they were built from. */
interface CompiledLevels {
  readonly paths: number
  readonly nested: number
  readonly root: Level
}

const compiled = new WeakMap<Schema, CompiledLevels>()

/**
 * The schema's paths arranged per object level, so casting a document costs one Map lookup per key
 * instead of building and looking up each dotted path. Rebuilt when paths are added (the same
 * staleness rule as `schema.defaultedPaths`).
 */
export function levelsOf(schema: Schema): Level {
  const cached = compiled.get(schema)
  if (cached && cached.paths === schema.paths.size && cached.nested === schema.nested.size)
    return cached.root
  const root = new Level()
  const byPath = new Map<string, Level>([['', root]])
  const parentOf = (path: string): [Level | undefined, string] => {
    const dot = path.lastIndexOf('.')
    return dot < 0 ? [root, path] : [byPath.get(path.slice(0, dot)), path.slice(dot + 1)]
  }
  // Shallow nested paths first, so every parent level exists before its children.
  const nested = [...schema.nested].sort((a, b) => a.split('.').length - b.split('.').length)
  for (const path of nested) {
    if (schema.paths.has(path)) continue
    const [parent, key] = parentOf(path)
    if (parent === undefined) continue
    const level = new Level()
    byPath.set(path, level)
    parent.fields.set(key, { type: undefined, outKey: key, level, path, prefix: `${path}.` })
  }
  for (const [path, type] of schema.paths) {
    const [parent, key] = parentOf(path)
    if (parent === undefined) continue
    const prefixLength = path.length - key.length
    parent.fields.set(key, {
      type,
      outKey: type.path.slice(prefixLength),
      level: undefined,
      path,
      prefix: '',
    })
  }
  compiled.set(schema, { paths: schema.paths.size, nested: schema.nested.size, root })
  return root
}
