/**
 * Subdocuments: the objects of document arrays and single nested schemas behave like mongoose's
 * subdocuments — their schema's methods and virtuals, casting on assignment, `toObject()`,
 * `parent()`, `ownerDocument()`, `deleteOne()` — while staying plain objects underneath.
 *
 * A subdocument is a Proxy over the plain object stored in the parent's values, made when user code
 * reaches it through the parent. The Proxy reports `Object.prototype` as its prototype and exposes
 * only the object's own keys, so cloning, diffing and the stored form see the plain data: nothing
 * about storage or change tracking changes, and documents nobody touches pay nothing.
 */
import { CastError } from '../errors/index.js'
import { StrictModeError } from '../schema/cast-object.js'
import { ArrayType, type EmbeddedType } from '../schema/compound-types.js'
import type { Schema } from '../schema/schema.js'
import { isObjectId, isPlainObject } from '../values/bson.js'
import { cloneValue } from '../values/clone.js'
import type { Document } from './document.js'
import { wrapArray } from './mongoose-array.js'

type Plain = Record<string, unknown>

/** What a subdocument Proxy knows: its schema, the top-level document and where it sits. */
interface SubdocumentMeta {
  readonly schema: Schema
  readonly owner: Document
  /** The array holding it (document arrays), or undefined for a single nested subdocument. */
  readonly array: unknown[] | undefined
  /** The owner path holding it (`items` or `address`). */
  readonly path: string
}

const META = Symbol('memgoose.subdocument')

/** The subdocument metadata of a value, when it is a subdocument Proxy. */
export function subdocumentMeta(value: unknown): SubdocumentMeta | undefined {
  return typeof value === 'object' && value !== null
    ? ((value as { [META]?: SubdocumentMeta })[META] ?? undefined)
    : undefined
}

/** Wraps a stored plain object as a subdocument (returns `value` itself when already one). */
export function toSubdocument(value: unknown, meta: SubdocumentMeta): unknown {
  if (!isPlainObject(value) || subdocumentMeta(value)) return value
  return new Proxy(value, new SubdocumentHandler(meta))
}

/**
 * The value of a single nested path as a subdocument: the stored object is replaced in the owner's
 * values by its Proxy once, so later reads return the same subdocument.
 */
export function singleNested(owner: Document, type: EmbeddedType, value: unknown): unknown {
  if (!isPlainObject(value) || subdocumentMeta(value)) return value
  const sub = toSubdocument(value, {
    schema: type.schemaFor(value),
    owner,
    array: undefined,
    path: type.path,
  })
  writeOwnerPath(owner._doc, type.path, sub)
  return sub
}

function writeOwnerPath(values: Plain, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur: unknown = values
  for (let i = 0; i < parts.length - 1 && isPlainObject(cur); i++) cur = cur[parts[i]]
  if (isPlainObject(cur)) cur[parts[parts.length - 1]] = value
}

/** The members every subdocument has, resolved before schema methods and virtuals. */
const API: Record<string, (this: unknown, meta: SubdocumentMeta, target: Plain) => unknown> = {
  toObject(meta, target) {
    return (options?: { virtuals?: boolean }) => plainCopy(this, meta, target, options)
  },
  toJSON(meta, target) {
    return (options?: { virtuals?: boolean }) =>
      plainCopy(this, meta, target, { ...(meta.schema.options.toJSON ?? {}), ...(options ?? {}) })
  },
  parent(meta) {
    return () => meta.owner
  },
  ownerDocument(meta) {
    return () => meta.owner
  },
  deleteOne(meta) {
    return () => removeFrom(this, meta)
  },
  remove(meta) {
    return () => removeFrom(this, meta)
  },
  get() {
    return (path: string) => readDotted(this as Plain, path)
  },
  set() {
    return (path: string | Plain, value?: unknown) => {
      if (typeof path === 'string') (this as Plain)[path] = value
      else for (const key of Object.keys(path)) (this as Plain)[key] = path[key]
      return this
    }
  },
  id(_meta, target) {
    const id = target._id
    return id === undefined || id === null
      ? undefined
      : isObjectId(id)
        ? id.toHexString()
        : String(id)
  },
  $isSubdocument() {
    return true
  },
  schema(meta) {
    return meta.schema
  },
}

class SubdocumentHandler implements ProxyHandler<Plain> {
  readonly #meta: SubdocumentMeta

  constructor(meta: SubdocumentMeta) {
    this.#meta = meta
  }

  getPrototypeOf(): object {
    // Internals treat subdocuments as the plain objects they wrap (see module comment).
    return Object.prototype
  }

  get(target: Plain, key: string | symbol, receiver: unknown): unknown {
    if (key === META) return this.#meta
    if (typeof key !== 'string') return Reflect.get(target, key, receiver)
    const schema = this.#meta.schema
    if (Object.prototype.hasOwnProperty.call(target, key)) {
      const value = target[key]
      const type = schema.paths.get(key)
      if (type instanceof ArrayType && Array.isArray(value)) {
        return wrapArray(value, type, this.#meta.owner)
      }
      return value
    }
    const api = API[key]
    if (api) return api.call(receiver, this.#meta, target)
    const method = schema.methods[key]
    if (method) return method
    const virtual = schema.virtuals.get(key)
    if (virtual && !virtual.isPopulate) return virtual.applyGetters(receiver)
    return Reflect.get(target, key, receiver)
  }

  set(target: Plain, key: string | symbol, value: unknown, receiver: unknown): boolean {
    if (typeof key !== 'string') return Reflect.set(target, key, value)
    const schema = this.#meta.schema
    const virtual = schema.virtuals.get(key)
    if (virtual && !schema.paths.has(key)) {
      virtual.applySetters(value, receiver)
      return true
    }
    const type = schema.paths.get(key)
    if (!type) {
      if (schema.options.strict === 'throw') throw new StrictModeError(key)
      if (schema.options.strict === false) target[key] = value
      return true
    }
    if (value === undefined || value === null || (value as { $__?: unknown }).$__ !== undefined) {
      // Populated documents stay as they are; the stored form turns them back into ids.
      target[key] = value
      return true
    }
    try {
      target[key] = type.applySetters(value, receiver, target[key])
    } catch (err) {
      if (!(err instanceof CastError)) throw err
      target[key] = value
      this.#meta.owner.invalidate(`${locate(receiver, this.#meta)}.${key}`, err)
    }
    return true
  }
}

/** The owner path of a subdocument: `items.2` in an array, `address` for single nested ones. */
function locate(sub: unknown, meta: SubdocumentMeta): string {
  return meta.array ? `${meta.path}.${meta.array.indexOf(sub)}` : meta.path
}

function removeFrom(sub: unknown, meta: SubdocumentMeta): unknown {
  if (meta.array) {
    const i = meta.array.indexOf(sub)
    if (i >= 0) meta.array.splice(i, 1)
  } else meta.owner.set(meta.path, undefined)
  return sub
}

function plainCopy(
  sub: unknown,
  meta: SubdocumentMeta,
  target: Plain,
  options: { virtuals?: boolean } = {}
): Plain {
  const out = cloneValue(target)
  if (options.virtuals) {
    for (const [name, virtual] of meta.schema.virtuals) {
      if (!virtual.isPopulate && virtual.getters.length > 0 && !name.includes('.')) {
        out[name] = virtual.applyGetters(sub)
      }
    }
  }
  return out
}

function readDotted(obj: Plain, path: string): unknown {
  let cur: unknown = obj
  for (const part of path.split('.')) cur = isPlainObject(cur) ? cur[part] : undefined
  return cur
}
