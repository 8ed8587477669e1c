/**
 * Subdocuments: the objects of document arrays and single nested schemas behave like mongoose's
 * subdocuments — their schema's methods, virtuals and getters, casting on assignment, `toObject()`,
 * `parent()`, `ownerDocument()`, `deleteOne()`, `isModified()`, `validate()` and their schema's
 * `validate`/`save` middleware — while staying plain objects underneath.
 *
 * A subdocument is a Proxy over the plain object stored in the parent's values, made when user code
 * reaches it through the parent. The Proxy reports `Object.prototype` as its prototype and exposes
 * only the object's own keys, so cloning, diffing and the stored form see the plain data (with
 * getters paused, see gettersPaused), and documents nobody touches pay nothing. Change tracking
 * stays the owner's: an assignment through a subdocument records its full path (`items.1.qty`) on
 * the owner, and a subdocument's isModified()/modifiedPaths() ask the owner.
 */
import { CastError } from '../errors/index.js'
import { StrictModeError } from '../schema/cast-object.js'
import { ArrayType, EmbeddedType } from '../schema/compound-types.js'
import type { Schema } from '../schema/schema.js'
import { isObjectId, isPlainObject } from '../values/bson.js'
import { cloneValue } from '../values/clone.js'
import type { Document } from './document.js'
import { readPath } from './document.js'
import { wrapArray } from './mongoose-array.js'
import { validateSubdocument, validateSubdocumentSync } from './validate.js'

type Plain = Record<string, unknown>

/** What a subdocument Proxy knows: its schema, the top-level document and where it sits. */
interface SubdocumentMeta {
  readonly schema: Schema
  readonly owner: Document
  /** The array holding it (document arrays), or undefined for a single nested subdocument. */
  readonly array: unknown[] | undefined
  /** The owner path holding it (`items` or `address`). */
  readonly path: string
  /**
   * True inside another subdocument's array: `path` is then relative to that subdocument, so the
   * subdocument has no owner path of its own and records no changes there (diffing still sees them).
   */
  readonly nested?: boolean
}

const META = Symbol('memgoose.subdocument')
const RAW = Symbol('memgoose.subdocumentTarget')

/**
 * While above zero, subdocuments hand out their stored values without getters. Subdocuments live
 * inside the owner's values, so the internal copies of those values (stored form, toObject, $clone,
 * validation) read through them too and must never see getter output. Those copies are synchronous,
 * so a counter is enough; pauseGetters()/resumeGetters() bracket them in try/finally.
 */
let gettersPaused = 0

/** Turns subdocument getters off until the matching resumeGetters() (see gettersPaused). */
export function pauseGetters(): void {
  gettersPaused++
}

/** Ends a pauseGetters() bracket. */
export function resumeGetters(): void {
  gettersPaused--
}

/** The subdocument metadata of a value, when it is a subdocument Proxy. */
export function subdocumentMeta(value: unknown): SubdocumentMeta | undefined {
  return typeof value === 'object' && value !== null
    ? ((value as { [META]?: SubdocumentMeta })[META] ?? undefined)
    : undefined
}

/** The plain object behind a subdocument (writes through it skip the subdocument's setters). */
export function unwrapSubdocument(value: unknown): unknown {
  return typeof value === 'object' && value !== null
    ? ((value as { [RAW]?: unknown })[RAW] ?? value)
    : value
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
    return (options?: CopyOptions) => plainCopy(this, meta, target, options)
  },
  toJSON(meta, target) {
    return (options?: CopyOptions) =>
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
  get(meta) {
    return (path: string) => {
      pauseGetters()
      let value: unknown
      try {
        value = readDotted(this as Plain, path)
      } finally {
        resumeGetters()
      }
      const type = meta.schema.deepPath(path)
      return type && type.getters.length > 0 ? type.applyGetters(value, this) : value
    }
  },
  // Change tracking lives on the owner (see module comment): a subdocument asks it with full paths.
  isModified(meta) {
    return (paths?: string | string[]) => {
      const at = locate(this, meta)
      if (at === undefined) return false
      if (paths === undefined) return meta.owner.isModified(at)
      const list = Array.isArray(paths) ? paths : paths.split(' ')
      return meta.owner.isModified(list.map((p) => `${at}.${p}`))
    }
  },
  modifiedPaths(meta) {
    return () => {
      const out: string[] = []
      const at = locate(this, meta)
      if (at === undefined) return out
      const prefix = `${at}.`
      for (const p of meta.owner.modifiedPaths())
        if (p.startsWith(prefix)) out.push(p.slice(prefix.length))
      return out
    }
  },
  markModified(meta) {
    return (path: string) => {
      const at = locate(this, meta)
      if (at !== undefined) meta.owner.markModified(`${at}.${path}`)
    }
  },
  validate(meta) {
    return () => validateSubdocument(this, meta.schema, meta.owner, locate(this, meta))
  },
  validateSync(meta) {
    return () => validateSubdocumentSync(this, meta.schema, meta.owner, locate(this, meta))
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
    if (key === RAW) return target
    if (typeof key !== 'string') return Reflect.get(target, key, receiver)
    const schema = this.#meta.schema
    if (Object.prototype.hasOwnProperty.call(target, key)) {
      const value = target[key]
      const type = schema.paths.get(key)
      if (type instanceof ArrayType && Array.isArray(value)) {
        return wrapArray(value, type, this.#meta.owner, true)
      }
      if (type !== undefined && gettersPaused === 0 && type.getters.length > 0)
        return type.applyGetters(value, receiver)
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
    const at = locate(receiver, this.#meta)
    if (value === undefined || value === null || (value as { $__?: unknown }).$__ !== undefined) {
      // Populated documents stay as they are; the stored form turns them back into ids.
      target[key] = value
    } else {
      try {
        target[key] = type.applySetters(value, receiver, target[key])
      } catch (err) {
        if (!(err instanceof CastError)) throw err
        target[key] = value
        const meta = this.#meta
        const where = meta.array ? `${meta.path}.${meta.array.indexOf(receiver)}` : meta.path
        meta.owner.invalidate(`${where}.${key}`, err)
      }
    }
    // As mongoose's subdocument markModified: the owner records the full path (`items.1.qty`).
    if (at !== undefined) this.#meta.owner.$__.modified.add(`${at}.${key}`)
    return true
  }
}

/**
 * Runs the `name` pre or post hooks of every subdocument of `doc` whose schema has some, in schema
 * path order, with `this` = the subdocument (mongoose's saveSubdocs / subdocument validation).
 * Returns undefined, without a promise, when no subdocument schema has such hooks.
 */
export function runSubdocumentHooks(
  doc: Document,
  phase: 'pre' | 'post',
  name: string,
  args: unknown[] = []
): Promise<void> | undefined {
  let subs: unknown[] | undefined
  for (const [path, type] of doc.schema.paths) {
    const embedded = type instanceof EmbeddedType
    if (!embedded && !(type instanceof ArrayType && type.isDocumentArray)) continue
    if (!type.subschemas().some((schema) => schema.s.hooks.has(name))) continue
    const value = readPath(doc._doc, path)
    if (embedded) {
      if (isPlainObject(value)) (subs ??= []).push(singleNested(doc, type, value))
    } else if (Array.isArray(value)) {
      subs ??= []
      for (const sub of wrapArray(value, type as ArrayType, doc)) subs.push(sub)
    }
  }
  return subs && runEach(subs, phase, name, args)
}

async function runEach(
  subs: unknown[],
  phase: 'pre' | 'post',
  name: string,
  args: unknown[]
): Promise<void> {
  for (const sub of subs) {
    const hooks = subdocumentMeta(sub)?.schema.s.hooks
    if (!hooks) continue
    if (phase === 'pre') await hooks.runPre(name, sub, 'document', args)
    else await hooks.runPost(name, sub, 'document', sub)
  }
}

/**
 * The owner path of a subdocument: `items.2` in an array, `address` for single nested ones;
 * undefined for an array subdocument not (or no longer) in its array, or nested in another one.
 */
function locate(sub: unknown, meta: SubdocumentMeta): string | undefined {
  if (meta.nested) return undefined
  if (!meta.array) return meta.path
  const i = meta.array.indexOf(sub)
  return i < 0 ? undefined : `${meta.path}.${i}`
}

function removeFrom(sub: unknown, meta: SubdocumentMeta): unknown {
  if (meta.array) {
    const i = meta.array.indexOf(sub)
    if (i >= 0) meta.array.splice(i, 1)
  } else meta.owner.set(meta.path, undefined)
  return sub
}

/** The toObject()/toJSON() options a subdocument honours. */
interface CopyOptions {
  virtuals?: boolean
  getters?: boolean
}

function plainCopy(
  sub: unknown,
  meta: SubdocumentMeta,
  target: Plain,
  options: CopyOptions = {}
): Plain {
  pauseGetters()
  let out: Plain
  try {
    out = cloneValue(target)
  } finally {
    resumeGetters()
  }
  if (options.getters) applySchemaGetters(meta.schema, out, sub)
  if (options.virtuals) {
    for (const [name, virtual] of meta.schema.virtuals) {
      if (!virtual.isPopulate && virtual.getters.length > 0 && !name.includes('.')) {
        out[name] = virtual.applyGetters(sub)
      }
    }
  }
  return out
}

/**
 * Applies `schema`'s getters to a plain copy in place, recursing into its subdocuments (mongoose's
 * `toObject({ getters: true })`); `ctx` is the getters' `this`.
 */
export function applySchemaGetters(schema: Schema, out: Plain, ctx: unknown): void {
  for (const [path, type] of schema.paths) {
    const value = readPath(out, path)
    if (value === undefined || value === null) continue
    if (type instanceof ArrayType && type.isDocumentArray && Array.isArray(value)) {
      for (const item of value)
        if (isPlainObject(item)) applySchemaGetters(type.schemaFor(item), item, ctx)
    } else if (type instanceof EmbeddedType && isPlainObject(value)) {
      applySchemaGetters(type.schemaFor(value), value, ctx)
    }
    if (type.getters.length > 0) writeOwnerPath(out, path, type.applyGetters(value, ctx))
  }
}

function readDotted(obj: Plain, path: string): unknown {
  let cur: unknown = obj
  for (const part of path.split('.')) cur = isPlainObject(cur) ? cur[part] : undefined
  return cur
}
