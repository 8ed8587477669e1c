/**
 * SchemaTypes that hold other values: arrays (of a type or of subdocuments), single nested
 * subdocuments, and Maps. Casting recurses into the element / sub-schema.
 */
import { CastError, ErrorCollector } from '../errors/index.js'
import { castObject } from './cast-object.js'
import { SubdocumentKinds } from './embedded-discriminators.js'
import type { Schema } from './schema.js'
import { SchemaType } from './schema-type.js'

/** An array path: `[String]`, `[{ type: ObjectId, ref }]`, or `[subSchema]` (a document array). */
export class ArrayType extends SchemaType {
  /** The element type, or the sub-schema for document arrays. */
  readonly caster: SchemaType | Schema
  readonly isDocumentArray: boolean
  #kinds: SubdocumentKinds | undefined

  constructor(
    path: string,
    caster: SchemaType | Schema,
    options: Record<string, unknown>,
    isDocumentArray: boolean
  ) {
    super(path, 'Array', options)
    this.caster = caster
    this.isDocumentArray = isDocumentArray
  }

  override cast(value: unknown, doc?: unknown): unknown {
    if (value === null || value === undefined) return value
    const items = Array.isArray(value) ? value : [value]
    const out = new Array(items.length)
    for (let i = 0; i < items.length; i++) {
      out[i] = this.castElement(items[i], i, doc)
    }
    return out
  }

  /** Casts one element (used by `$push`/`$addToSet` casting too). */
  castElement(item: unknown, index: number, doc?: unknown): unknown {
    if (this.isDocumentArray) {
      if (item === null || item === undefined) return item
      return castSubdocument(this.schemaFor(item), item, `${this.path}.${index}`, doc)
    }
    const elem = this.caster as SchemaType
    try {
      return elem.applySetters(item, doc)
    } catch (err) {
      if (err instanceof CastError) throw new CastError(`[${elem.instance}]`, item, this.path, err)
      throw err
    }
  }

  /** Adds an embedded discriminator to a document array (mongoose's `DocumentArray#discriminator`). */
  override discriminator(name: string, schema: Schema, value?: string): Schema {
    if (!this.isDocumentArray)
      throw new TypeError(`\`${this.path}\` is not an array of subdocuments`)
    this.#kinds ??= new SubdocumentKinds(this.caster as Schema)
    return this.#kinds.add(name, schema, value)
  }

  /** The element schema and its embedded discriminators' schemas (document arrays). */
  subschemas(): readonly Schema[] {
    return this.#kinds ? [this.caster as Schema, ...this.#kinds.schemas()] : [this.caster as Schema]
  }

  /** The schema of one element of a document array (its embedded discriminator's, if any). */
  schemaFor(item: unknown): Schema {
    return this.#kinds ? this.#kinds.schemaFor(item) : (this.caster as Schema)
  }

  override getDefault(doc: unknown): unknown {
    // `default: undefined` written out turns the implicit `[]` off, as in mongoose.
    if (!('default' in this.options)) return []
    return super.getDefault(doc)
  }
}

/** A single nested subdocument: `{ type: subSchema }` or `subSchema`. */
export class EmbeddedType extends SchemaType {
  readonly schema: Schema
  #kinds: SubdocumentKinds | undefined

  constructor(path: string, schema: Schema, options: Record<string, unknown>) {
    super(path, 'Embedded', options)
    this.schema = schema
  }

  override cast(value: unknown, doc?: unknown): unknown {
    if (value === null || value === undefined) return value
    return castSubdocument(this.schemaFor(value), value, this.path, doc)
  }

  /** Adds an embedded discriminator to this single nested path. */
  override discriminator(name: string, schema: Schema, value?: string): Schema {
    this.#kinds ??= new SubdocumentKinds(this.schema)
    return this.#kinds.add(name, schema, value)
  }

  /** The schema and its embedded discriminators' schemas. */
  subschemas(): readonly Schema[] {
    return this.#kinds ? [this.schema, ...this.#kinds.schemas()] : [this.schema]
  }

  /** The schema for a value of this path (its embedded discriminator's, if any). */
  schemaFor(value: unknown): Schema {
    return this.#kinds ? this.#kinds.schemaFor(value) : this.schema
  }
}

/** A Map path (`{ type: Map, of: Number }`): cast to a JS Map whose values are cast with `of`. */
export class MapType extends SchemaType {
  readonly of: SchemaType | undefined

  constructor(path: string, of: SchemaType | undefined, options: Record<string, unknown>) {
    super(path, 'Map', options)
    this.of = of
  }

  override cast(value: unknown, doc?: unknown): unknown {
    if (value === null || value === undefined) return value
    const entries: Iterable<[unknown, unknown]> =
      value instanceof Map
        ? value.entries()
        : typeof value === 'object' && !Array.isArray(value)
          ? Object.entries(value as object)
          : (() => {
              throw this.castError(value, undefined)
            })()
    const out = new Map<string, unknown>()
    for (const [key, item] of entries) {
      const k = String(key)
      if (k.includes('.') || k.startsWith('$') || k === '__proto__') {
        throw new CastError(
          'Map',
          value,
          this.path,
          new Error(
            `Mongoose maps do not support keys that contain ".", start with "$" or are "__proto__", got "${k}"`
          )
        )
      }
      out.set(k, this.of ? this.of.applySetters(item, doc) : item)
    }
    return out
  }
}

/** Casts a subdocument against its schema; cast failures surface with the full path. */
function castSubdocument(
  schema: Schema,
  value: unknown,
  path: string,
  doc: unknown
): Record<string, unknown> {
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new CastError('Embedded', value, path)
  }
  const plain = (value as { toObject?: () => unknown }).toObject?.() ?? value
  const errors = new ErrorCollector()
  const out = castObject(schema, plain as Record<string, unknown>, {
    errors,
    doc,
    applyDefaults: true,
  })
  const first = Object.values(errors.errors)[0]
  if (first) {
    const inner = first as CastError
    throw new CastError(inner.kind, inner.value, `${path}.${inner.path}`, inner.reason)
  }
  return out
}
