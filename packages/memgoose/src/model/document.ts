/**
 * Document: one model instance. Holds the cast values in `_doc`, tracks what changed since it was
 * loaded, and exposes mongoose's document API. Persistence (save, deleteOne) goes through the model.
 */
import { CastError, ErrorCollector, ValidatorError } from '../errors/index.js'
import { ArrayType, EmbeddedType } from '../schema/compound-types.js'
import { applyDefaults, castObject, StrictModeError } from '../schema/cast-object.js'
import { BEFORE_HOOKS } from '../schema/hooks.js'
import type { Schema, ToObjectOptions } from '../schema/schema.js'
import { isObjectId, isPlainObject } from '../values/bson.js'
import { cloneValue } from '../values/clone.js'
import { assertSafeDocument, assertSafeKey } from '../values/paths.js'
import { changedPaths, deepEqual } from './diff.js'
import { createState, markDefaulted, type DocumentState } from './document-state.js'
import { wrapArray } from './mongoose-array.js'
import {
  pauseGetters,
  resumeGetters,
  runSubdocumentHooks,
  singleNested,
  unwrapSubdocument,
} from './subdocument.js'
import type { ModelInternals } from './internals.js'
import { toStoredForm } from './stored-form.js'
import { toObjectImpl } from './to-object.js'
import { validateDocument, validateDocumentSync } from './validate.js'

/**
 * What the constructor needs to make a loaded (hydrated) or cloned document instead of a new one:
 * passed with {@link BUILD} in place of the `fields` argument.
 */
interface BuiltState {
  readonly state: DocumentState
  /** `$locals`; made on first use when absent. */
  readonly locals?: Record<string, unknown>
  readonly values: Record<string, unknown>
}

/** Marks a constructor call that adopts a BuiltState (see documentOf). */
const BUILD = Symbol('memgoose.build')

/** A mongoose-style document. Model classes extend it. */
export class Document {
  // Private fields behind accessors, not hidden own properties: defining three non-enumerable
  // properties per document cost ~0.4 µs, more than the rest of hydrating one. Like hidden
  // properties, they stay out of Object.keys, spreads and JSON.
  #state: DocumentState
  #locals: Record<string, unknown> | undefined
  #values: Record<string, unknown>

  /** Internal state (mongoose's `$__`). */
  get $__(): DocumentState {
    return this.#state
  }
  set $__(state: DocumentState) {
    this.#state = state
  }

  /** The document's values (mongoose's `_doc`). */
  get _doc(): Record<string, unknown> {
    return this.#values
  }
  set _doc(values: Record<string, unknown>) {
    this.#values = values
  }

  /** Values for `doc.$locals`, never saved. */
  get $locals(): Record<string, unknown> {
    return (this.#locals ??= {})
  }
  set $locals(locals: Record<string, unknown>) {
    this.#locals = locals
  }

  /**
   * Creates a new, unsaved document: values are cast (cast failures surface at validate/save, as in
   * mongoose) and defaults applied.
   */
  constructor(
    obj?: Record<string, unknown>,
    _fields?: unknown,
    options?: { skipDefaults?: boolean }
  ) {
    if (_fields === BUILD) {
      const built = obj as unknown as BuiltState
      this.#state = built.state
      this.#locals = built.locals
      this.#values = built.values
      return
    }
    const internals = (this.constructor as unknown as { $__model?: ModelInternals }).$__model
    this.#state = createState(true)
    this.#values = {}
    if (!internals) return
    const schema = internals.schema
    const errors = new ErrorCollector()
    const input = obj instanceof Document ? obj.toObject() : (obj ?? {})
    // Reject hostile keys and runaway nesting before any recursive casting or copying.
    assertSafeDocument(input)
    this._doc = castObject(schema, input as Record<string, unknown>, { errors, doc: this })
    // Defaults run once the given values are in place: function defaults may read them via `this`.
    if (options?.skipDefaults !== true) {
      applyDefaults(schema, this._doc, {
        errors,
        doc: this,
        onDefault: (p) => markDefaulted(this.$__, p),
      })
    }
    // MongoDB stores `_id` as the first field whatever order the document was built in.
    if (this._doc._id !== undefined) {
      for (const key in this._doc) {
        if (key !== '_id') this._doc = { _id: this._doc._id, ...this._doc }
        break
      }
    }
    for (const [path, err] of Object.entries(errors.errors)) this.#castErrors().set(path, err)
    for (const key of Object.keys(input)) {
      const virtual = schema.virtuals.get(key)
      if (virtual && !schema.paths.has(key))
        virtual.applySetters((input as Record<string, unknown>)[key], this)
    }
  }

  #castErrors(): Map<string, Error> {
    this.$__.castErrors ??= new Map()
    return this.$__.castErrors
  }

  /** The model's schema. */
  get schema(): Schema {
    return (this.constructor as unknown as { $__model: ModelInternals }).$__model.schema
  }

  /** True until the document has been saved (or when it was created with `new`). */
  get isNew(): boolean {
    return this.$__.isNew
  }
  set isNew(value: boolean) {
    this.$__.isNew = value
  }

  /** mongoose's `$isNew` alias. */
  get $isNew(): boolean {
    return this.$__.isNew
  }

  /** `_id` as a string (the `id` virtual), unless the schema turned it off. */
  get id(): string | undefined {
    if (this.schema.options.id === false) return undefined
    const id = this._doc._id
    if (id === undefined || id === null) return undefined
    return isObjectId(id) ? id.toHexString() : String(id)
  }

  /** Reads a path (applying getters unless `{ getters: false }`); virtuals too. */
  get(path: string, _type?: unknown, options: { getters?: boolean } = {}): unknown {
    const schema = this.schema
    const virtual = schema.virtuals.get(path)
    if (virtual && !schema.paths.has(path)) return virtual.applyGetters(this)
    const realPath = schema.resolveAlias(path)
    const type = schema.paths.get(realPath)
    if (type === undefined && realPath.includes('.')) {
      // A path inside a subdocument: read the stored value, then apply the sub-schema's getters once.
      const raw = readRawPath(this._doc, realPath)
      const deep = options.getters === false ? undefined : schema.deepPath(realPath)
      return deep && deep.getters.length > 0 ? deep.applyGetters(raw, this) : raw
    }
    const value = readPath(this._doc, realPath)
    if (options.getters === false) return value
    if (type instanceof ArrayType && Array.isArray(value)) wrapArray(value, type, this)
    if (type instanceof EmbeddedType) return singleNested(this, type, value)
    return type && type.getters.length > 0 ? type.applyGetters(value, this) : value
  }

  /** Sets one path or several (`set({ a: 1, 'b.c': 2 })`), casting and running setters. */
  set(path: string | Record<string, unknown>, value?: unknown): this {
    if (typeof path !== 'string') {
      for (const key of Object.keys(path)) this.set(key, path[key])
      return this
    }
    for (const part of path.split('.')) assertSafeKey(part, 'a document path')
    const schema = this.schema
    const realPath = schema.resolveAlias(path)
    const virtual = schema.virtuals.get(path)
    if (virtual && !schema.paths.has(path) && !schema.nested.has(path)) {
      virtual.applySetters(value, this)
      return this
    }
    // Paths inside subdocuments, document arrays and Maps (`items.0.qty`) are typed by deepPath.
    const type =
      schema.paths.get(realPath) ?? (realPath.includes('.') ? schema.deepPath(realPath) : undefined)
    if (type) {
      if (type.options.immutable && !this.$__.isNew && this.$__.original !== undefined) {
        const immutable =
          typeof type.options.immutable === 'function'
            ? (type.options.immutable as (this: unknown) => boolean).call(this)
            : true
        if (immutable) return this
      }
      let cast: unknown
      try {
        cast =
          value === undefined
            ? undefined
            : type.applySetters(value, this, readRawPath(this._doc, realPath))
        this.$__.castErrors?.delete(realPath)
      } catch (err) {
        if (!(err instanceof CastError)) throw err
        this.#castErrors().set(realPath, err)
        cast = value
      }
      writePath(this._doc, realPath, cast)
      this.$__.modified.add(realPath)
      return this
    }
    if (schema.nested.has(realPath)) {
      writePath(this._doc, realPath, {})
      if (isPlainObject(value))
        for (const key of Object.keys(value)) this.set(`${realPath}.${key}`, value[key])
      this.$__.modified.add(realPath)
      return this
    }
    const strict = schema.options.strict
    if (strict === false) {
      writePath(this._doc, realPath, cloneValue(value))
      this.$__.modified.add(realPath)
    } else if (strict === 'throw') {
      throw new StrictModeError(realPath)
    }
    return this
  }

  /** An independent copy of this document with the same state (mongoose's `$clone`). */
  $clone(): this {
    const state = this.$__
    let values: Record<string, unknown>
    pauseGetters()
    try {
      values = cloneValue(this._doc)
    } finally {
      resumeGetters()
    }
    return documentOf(this.constructor as DocumentClass<this>, {
      state: state.copy(),
      locals: { ...this.$locals },
      values,
    })
  }

  /** mongoose's `$set` alias of set(). */
  $set(path: string | Record<string, unknown>, value?: unknown): this {
    return this.set(path, value)
  }

  /** Every modified path (parents of modified paths included, as mongoose lists them). */
  modifiedPaths(): string[] {
    const direct = this.directModifiedPaths()
    const out = new Set<string>()
    for (const p of direct) {
      const parts = p.split('.')
      for (let i = 1; i <= parts.length; i++) out.add(parts.slice(0, i).join('.'))
    }
    return [...out]
  }

  /** Paths changed directly (set, assigned, mutated in place, or marked). */
  directModifiedPaths(): string[] {
    const { defaulted, modified, isNew, original } = this.$__
    const out = new Set(modified)
    // New documents compare against nothing: every given path counts as modified, as in mongoose.
    for (const p of changedPaths(isNew ? undefined : original, storedView(this))) {
      // A default is not a user change (mongoose's 'default' state); save() still writes it.
      if (!defaulted.has(p) || modified.has(p)) out.add(p)
    }
    return [...out]
  }

  /**
   * True if `path` (or one of `path`'s, when an array/space list) or anything (no argument) changed.
   * As mongoose, a path counts as modified when it or a child changed, or when a parent was set.
   */
  isModified(path?: string | string[]): boolean {
    const modified = this.modifiedPaths()
    if (path === undefined) return modified.length > 0
    const paths = Array.isArray(path) ? path : path.split(' ')
    const set = this.$__.modified
    return paths.some(
      (p) =>
        modified.includes(p) ||
        modified.some((m) => m.startsWith(`${p}.`)) ||
        [...set].some((m) => p.startsWith(`${m}.`))
    )
  }

  /** True if `path` itself was set or marked (not only a child or parent). */
  isDirectModified(path: string): boolean {
    return this.directModifiedPaths().includes(path)
  }

  /** Marks a path as modified (for in-place changes to Mixed values). */
  markModified(path: string): void {
    this.$__.modified.add(path)
  }

  /** Clears the modified flag of a path. */
  unmarkModified(path: string): void {
    this.$__.modified.delete(path)
  }

  /** True if `path` was loaded (not excluded by a projection). */
  isSelected(path: string): boolean {
    const selected = this.$__.selected
    if (!selected) return true
    const v = selected[path]
    if (v === undefined) return !Object.values(selected).some((x) => x === 1 || x === true)
    return v === 1 || v === true
  }

  /** True if `path` holds its default (was never set) — approximated as "not modified and new". */
  $isDefault(path: string): boolean {
    return this.$__.defaulted.has(path) && !this.$__.modified.has(path)
  }

  /** Records a validation error for `path`, reported by the next validate()/save(). */
  invalidate(path: string, message: string | Error, value?: unknown): void {
    const err =
      message instanceof Error
        ? message
        : new ValidatorError({
            message,
            type: 'user defined',
            path,
            value: value ?? this.get(path),
          })
    this.#castErrors().set(path, err)
  }

  /** Validates the document; rejects with a ValidationError listing every failing path. */
  async validate(pathsToValidate?: string | string[]): Promise<void> {
    await validateDocument(this, pathsToValidate)
  }

  /** Synchronous validation: returns the ValidationError (async validators are skipped) or undefined. */
  validateSync(pathsToValidate?: string | string[]): Error | undefined {
    return validateDocumentSync(this, pathsToValidate)
  }

  /** A plain-object copy (options as mongoose's toObject, defaults from the schema's `toObject`). */
  toObject(options?: ToObjectOptions): Record<string, unknown> {
    return toObjectImpl(
      this,
      { ...(this.schema.options.toObject ?? {}), ...(options ?? {}) },
      false
    )
  }

  /** The JSON form (defaults from the schema's `toJSON`; Maps flattened). */
  toJSON(options?: ToObjectOptions): Record<string, unknown> {
    return toObjectImpl(
      this,
      { flattenMaps: true, ...(this.schema.options.toJSON ?? {}), ...(options ?? {}) },
      true
    )
  }

  /** True if `other` is a document with the same `_id`. */
  equals(other: unknown): boolean {
    if (!(other instanceof Document)) return false
    return deepEqual(this._doc._id, other._doc._id)
  }

  /** Gets or sets the session this document's save() uses. */
  $session(session?: unknown): unknown {
    if (session !== undefined) this.$__.session = session ?? undefined
    return this.$__.session ?? null
  }

  /** Replaces every value with `obj` (paths not in `obj` are unset), keeping `_id`. */
  overwrite(obj: Record<string, unknown>): this {
    for (const key of Object.keys(this._doc))
      if (key !== '_id' && !(key in obj)) this.set(key, undefined)
    this.set(obj)
    return this
  }

  /** Runs the subdocuments' `save` hooks before this document's own (see hooks.ts). */
  [BEFORE_HOOKS](phase: 'pre' | 'post', name: string, args: unknown[]): Promise<void> | undefined {
    return name === 'save' ? runSubdocumentHooks(this, phase, name, args) : undefined
  }

  /** mongoose's inspect shape for console.log. */
  [Symbol.for('nodejs.util.inspect.custom')](): unknown {
    return this.toObject()
  }
}

/** The stored form of the document as it stands now (Maps → objects, populated docs → documents' values). */
export function storedView(doc: Document): Record<string, unknown> {
  pauseGetters()
  try {
    return toStoredForm(doc._doc) as Record<string, unknown>
  } finally {
    resumeGetters()
  }
}

/** readPath() with subdocument getters off: the stored value at `path`. */
export function readRawPath(obj: Record<string, unknown>, path: string): unknown {
  pauseGetters()
  try {
    return readPath(obj, path)
  } finally {
    resumeGetters()
  }
}

/** Reads a dot path through objects, Maps and arrays (by position). */
export function readPath(obj: Record<string, unknown>, path: string): unknown {
  if (!path.includes('.')) return obj[path]
  let cur: unknown = obj
  for (const part of path.split('.')) {
    if (cur === null || cur === undefined) return undefined
    if (cur instanceof Map) cur = cur.get(part)
    else if (cur instanceof Document) cur = cur.get(part)
    else if (typeof cur === 'object') cur = (cur as Record<string, unknown>)[part]
    else return undefined
  }
  return cur
}

/**
 * Writes a dot path, creating intermediate objects; `undefined` deletes the leaf. Values are written
 * as given: subdocuments on the way are written through to their plain objects (callers cast first).
 */
export function writePath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur: Record<string, unknown> = obj
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur instanceof Map ? (cur as Map<string, unknown>).get(parts[i]) : cur[parts[i]]
    if (typeof next !== 'object' || next === null) {
      const created: Record<string, unknown> = {}
      cur[parts[i]] = created
      cur = created
    } else cur = unwrapSubdocument(next) as Record<string, unknown>
  }
  const leaf = parts[parts.length - 1]
  if (cur instanceof Map) {
    if (value === undefined) cur.delete(leaf)
    else cur.set(leaf, value)
  } else if (value === undefined) delete cur[leaf]
  else cur[leaf] = value
}

/** A document class (Document, a model, a discriminator) as a constructor. */
type DocumentClass<D extends Document> = new (
  obj?: Record<string, unknown>,
  fields?: unknown,
  options?: unknown
) => D

/**
 * An instance of `cls` holding `built` as is: no casting, defaults or constructor work. How loaded
 * documents (hydrate) and clones are made.
 */
export function documentOf<D extends Document>(cls: DocumentClass<D>, built: BuiltState): D {
  return new cls(built as unknown as Record<string, unknown>, BUILD)
}

/** True for array schema types holding subdocuments (used by validation and toObject). */
export function isDocumentArray(type: unknown): boolean {
  return type instanceof ArrayType && type.isDocumentArray
}
