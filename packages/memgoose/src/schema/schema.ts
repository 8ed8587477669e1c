/**
 * Schema: the shape of a model's documents — typed paths, validators, defaults, virtuals, methods,
 * statics, query helpers, indexes, middleware and options — defined the way mongoose defines it.
 */
import { ObjectId } from '../values/bson.js'
import { assertSafeKey } from '../values/paths.js'
import { ArrayType, EmbeddedType, MapType } from './compound-types.js'
import { Hooks, type HookFn, type HookOptions } from './hooks.js'
import { buildSchemaType } from './build-type.js'
import { interpret, isSchema } from './interpret.js'
import { SchemaType } from './schema-type.js'
import { SchemaTypes } from './types.js'
import { VirtualType } from './virtual.js'
import { pathIndexes } from './path-indexes.js'
import { globalPlugins, loadClassInto, type Plugin } from './plugins.js'

export { plugin, clearGlobalPlugins, type Plugin } from './plugins.js'
import { timestampNames } from './timestamps.js'

export { timestampNames }

/** Options of `toObject()` / `toJSON()`. */
export interface ToObjectOptions {
  virtuals?: boolean
  getters?: boolean
  versionKey?: boolean
  flattenMaps?: boolean
  minimize?: boolean
  depopulate?: boolean
  transform?:
    false | ((doc: unknown, ret: Record<string, unknown>, options: ToObjectOptions) => unknown)
}

/** Schema options, as mongoose names them. */
export interface SchemaOptions {
  timestamps?:
    | boolean
    | { createdAt?: string | boolean; updatedAt?: string | boolean; currentTime?: () => Date }
  versionKey?: string | false
  strict?: boolean | 'throw'
  strictQuery?: boolean | 'throw'
  /**
   * Translate aliases in filters and updates to their paths. memgoose defaults to true (mongoose 8
   * only translates with this option); false keeps alias keys as written, as mongoose does by default.
   */
  translateAliases?: boolean
  _id?: boolean
  id?: boolean
  collection?: string
  toObject?: ToObjectOptions
  toJSON?: ToObjectOptions
  discriminatorKey?: string
  minimize?: boolean
  typeKey?: string
  optimisticConcurrency?: boolean
  autoIndex?: boolean
  validateBeforeSave?: boolean
  [key: string]: unknown
}

/** An index declaration: key fields with directions, and index options. */
export type IndexDeclaration = [fields: Record<string, 1 | -1>, options: Record<string, unknown>]

/** A schema definition, as mongoose accepts it. */
export type SchemaDefinition = Record<string, unknown>

/** The shape of documents of a model. */
export class Schema<_T = any> {
  /** Lets copies of memgoose recognise each other's schemas. */
  readonly $isSchema = true
  /** Typed leaf paths by full dot path. */
  readonly paths = new Map<string, SchemaType>()
  /** Paths of nested (non-typed) objects, e.g. `'profile'` for `{ profile: { bio: String } }`. */
  readonly nested = new Set<string>()
  readonly virtuals = new Map<string, VirtualType>()
  readonly methods: Record<string, (...args: any[]) => unknown> = {}
  readonly statics: Record<string, (...args: any[]) => unknown> = {}
  /** Query helpers: `schema.query.byName = function (name) { return this.where({ name }) }`. */
  readonly query: Record<string, (...args: any[]) => unknown> = {}
  /** Middleware. */
  readonly s: { hooks: Hooks }
  readonly options: SchemaOptions & {
    strict: boolean | 'throw'
    versionKey: string | false
    typeKey: string
  }
  /** Embedded discriminators and other sub-schemas registered by path. */
  readonly childSchemas: { path: string; schema: Schema }[] = []
  /** Discriminator schemas by name (set by `Model.discriminator`). */
  discriminators?: Record<string, Schema>
  #indexes: IndexDeclaration[] = []
  #aliases = new Map<string, string>()
  #pluginsApplied = new Set<Plugin>()
  #defaulted: { size: number; list: SchemaType[] } | undefined
  #definition: SchemaDefinition

  /** The type classes users reference as `Schema.Types.ObjectId` etc. */
  static Types = SchemaTypes

  constructor(definition: SchemaDefinition = {}, options: SchemaOptions = {}) {
    this.s = { hooks: new Hooks() }
    this.options = {
      strict: true,
      versionKey: '__v',
      typeKey: 'type',
      _id: true,
      id: true,
      minimize: true,
      discriminatorKey: '__t',
      validateBeforeSave: true,
      ...options,
    }
    this.#definition = definition
    if (this.options._id !== false && !('_id' in definition)) {
      this.add({ _id: { type: ObjectId, auto: true, default: () => new ObjectId() } })
    }
    this.add(definition)
    this.#addTimestamps()
    if (this.options.versionKey !== false && !this.paths.has(this.options.versionKey)) {
      this.add({ [this.options.versionKey]: Number })
    }
  }

  /** Adds paths (mongoose's `schema.add(obj, prefix)`); another Schema's paths can be added too. */
  add(definition: SchemaDefinition | Schema, prefix = ''): this {
    if (isSchema(definition)) {
      const other = definition as Schema
      for (const [path, type] of other.paths)
        if (path !== '_id' || !this.paths.has('_id')) this.paths.set(prefix + path, type)
      for (const path of other.nested) this.nested.add(prefix + path)
      for (const [name, v] of other.virtuals) this.virtuals.set(name, v)
      Object.assign(this.methods, other.methods)
      Object.assign(this.statics, other.statics)
      this.s.hooks.merge(other.s.hooks)
      return this
    }
    for (const key of Object.keys(definition)) {
      assertSafeKey(key, 'a schema definition')
      const value = (definition as Record<string, unknown>)[key]
      if (value === undefined) continue
      const path = prefix + key
      if (key.includes('.')) {
        const parts = path.split('.')
        for (let i = 1; i < parts.length; i++) this.nested.add(parts.slice(0, i).join('.'))
      }
      const info = interpret(value, this.options?.typeKey ?? 'type')
      if (info.kind === 'nested') {
        this.nested.add(path)
        this.add(info.definition, `${path}.`)
        continue
      }
      this.path(path, value)
    }
    return this
  }

  /** Without a definition: the SchemaType at `path`. With one: defines the path. */
  path(path: string): SchemaType | undefined
  path(path: string, definition: unknown): this
  path(path: string, definition?: unknown): SchemaType | undefined | this {
    if (definition === undefined) return this.paths.get(path)
    const type = this.#buildType(path, definition)
    this.paths.set(path, type)
    this.#defaulted = undefined
    const alias = type.options.alias
    if (typeof alias === 'string') {
      assertSafeKey(alias, 'a schema alias')
      this.#aliases.set(alias, path)
      this.virtual(alias)
        .get(function (this: { get(p: string): unknown }) {
          return this.get(path)
        })
        .set(function (this: { set(p: string, v: unknown): void }, v: unknown) {
          this.set(path, v)
        })
    }
    return this
  }

  #buildType(path: string, definition: unknown): SchemaType {
    return buildSchemaType(
      {
        typeKey: this.options?.typeKey ?? 'type',
        childSchemas: this.childSchemas,
        subschema: (def) => new Schema(def),
      },
      path,
      definition
    )
  }

  #addTimestamps(): void {
    const ts = this.options.timestamps
    if (!ts) return
    const names = timestampNames(this)
    if (names.createdAt && !this.paths.has(names.createdAt))
      this.add({ [names.createdAt]: { type: Date, immutable: true } })
    if (names.updatedAt && !this.paths.has(names.updatedAt)) this.add({ [names.updatedAt]: Date })
  }

  /** Declares an index: `{ a: 1, b: -1 }`, `'email'`, or `['city', 'age']`, with options. */
  index(
    fields: Record<string, 1 | -1 | string> | string | string[],
    options: Record<string, unknown> = {}
  ): this {
    const normalized: Record<string, 1 | -1> = {}
    if (typeof fields === 'string') normalized[fields] = 1
    else if (Array.isArray(fields)) for (const f of fields) normalized[f] = 1
    else
      for (const [k, v] of Object.entries(fields))
        normalized[k] = v === -1 || v === 'desc' || v === 'descending' ? -1 : 1
    for (const key of Object.keys(normalized))
      for (const part of key.split('.')) assertSafeKey(part, 'an index')
    this.#indexes.push([normalized, options])
    return this
  }

  /** Every index declared on the schema or on its paths (`index`, `unique`, `sparse`, `expires`). */
  indexes(): IndexDeclaration[] {
    const out: IndexDeclaration[] = [...this.#indexes]
    out.push(...pathIndexes(this.paths))
    return out
  }

  /** Adds an instance method, or several from an object. */
  method(
    name: string | Record<string, (...args: any[]) => unknown>,
    fn?: (...args: any[]) => unknown
  ): this {
    if (typeof name === 'string') this.methods[name] = fn!
    else Object.assign(this.methods, name)
    return this
  }

  /** Adds a static, or several from an object. */
  static(
    name: string | Record<string, (...args: any[]) => unknown>,
    fn?: (...args: any[]) => unknown
  ): this {
    if (typeof name === 'string') this.statics[name] = fn!
    else Object.assign(this.statics, name)
    return this
  }

  /** Returns the virtual at `name`, creating it. Options make it a virtual populate. */
  virtual(name: string, options?: Record<string, unknown>): VirtualType {
    assertSafeKey(name, 'a virtual name')
    let v = this.virtuals.get(name)
    if (!v || options) {
      v = new VirtualType(name, options)
      this.virtuals.set(name, v)
    }
    return v
  }

  /** The virtual at `name`, if any. */
  virtualpath(name: string): VirtualType | undefined {
    return this.virtuals.get(name)
  }

  /** Registers pre middleware (see hooks.ts for the accepted forms). */
  pre(names: string | string[] | RegExp, options: HookOptions | HookFn, fn?: HookFn): this {
    this.s.hooks.pre(names, options, fn)
    return this
  }

  /** Registers post middleware. */
  post(names: string | string[] | RegExp, options: HookOptions | HookFn, fn?: HookFn): this {
    this.s.hooks.post(names, options, fn)
    return this
  }

  /** Applies a plugin once. */
  plugin(fn: Plugin, options?: unknown): this {
    if (this.#pluginsApplied.has(fn)) return this
    this.#pluginsApplied.add(fn)
    fn(this, options)
    return this
  }

  /** Applies global plugins (called when a model is compiled). */
  applyGlobalPlugins(): void {
    for (const [fn, opts] of globalPlugins) this.plugin(fn, opts)
  }

  /** Copies a class's getters/setters into virtuals, methods into methods and statics into statics. */
  loadClass(cls: new (...args: any[]) => unknown): this {
    loadClassInto(this, cls)
    return this
  }

  /** A new schema with only the given paths (mongoose's `pick`). */
  pick(paths: string[], options?: SchemaOptions): Schema {
    const def: SchemaDefinition = {}
    for (const p of paths) {
      const type = this.paths.get(p)
      if (type) def[p] = this.#definitionOf(p)
    }
    return new Schema(def, options ?? { ...this.options })
  }

  #definitionOf(path: string): unknown {
    let cur: unknown = this.#definition
    for (const part of path.split('.')) {
      if (cur && typeof cur === 'object') cur = (cur as Record<string, unknown>)[part]
    }
    return cur ?? { type: this.paths.get(path)!.instance }
  }

  /** A deep copy: paths, virtuals, methods, statics, hooks, indexes and options. */
  clone(): Schema {
    const copy = new Schema(
      {},
      { ...this.options, _id: false, timestamps: false, versionKey: false }
    )
    ;(copy.options as SchemaOptions) = { ...this.options }
    for (const [p, t] of this.paths) copy.paths.set(p, t)
    for (const p of this.nested) copy.nested.add(p)
    for (const [n, v] of this.virtuals) copy.virtuals.set(n, v)
    Object.assign(copy.methods, this.methods)
    Object.assign(copy.statics, this.statics)
    Object.assign(copy.query, this.query)
    copy.s.hooks.merge(this.s.hooks)
    copy.#indexes = [...this.#indexes]
    copy.#aliases = new Map(this.#aliases)
    copy.childSchemas.push(...this.childSchemas)
    return copy
  }

  /** Calls `fn(path, schemaType)` for every typed path. */
  eachPath(fn: (path: string, type: SchemaType) => void): void {
    for (const [p, t] of this.paths) fn(p, t)
  }

  /** Paths with a `required` validator. */
  requiredPaths(): string[] {
    return [...this.paths]
      .filter(([, t]) => t.validators.some((v) => v.type === 'required'))
      .map(([p]) => p)
  }

  /** `'real'`, `'nested'`, `'virtual'` or `'adhocOrUndefined'`, as mongoose answers. */
  pathType(path: string): 'real' | 'nested' | 'virtual' | 'adhocOrUndefined' {
    if (this.paths.has(path)) return 'real'
    if (this.nested.has(path)) return 'nested'
    if (this.virtuals.has(path)) return 'virtual'
    return 'adhocOrUndefined'
  }

  /** Reads an option. */
  get(key: string): unknown {
    return this.options[key]
  }

  /** Sets an option. */
  set(key: string, value: unknown): this {
    ;(this.options as Record<string, unknown>)[key] = value
    return this
  }

  /** Paths that have a default (arrays default to `[]`), in definition order. */
  get defaultedPaths(): SchemaType[] {
    // Read for every created and loaded document: computed once per shape of `paths`.
    const cached = this.#defaulted
    if (cached && cached.size === this.paths.size) return cached.list
    const out: SchemaType[] = []
    for (const t of this.paths.values()) {
      if (
        t.options.default !== undefined ||
        (t instanceof ArrayType && !('default' in t.options) && !t.path.includes('$*'))
      )
        out.push(t)
    }
    this.#defaulted = { size: this.paths.size, list: out }
    return out
  }

  /** The SchemaType behind an alias, if `path` is one. */
  aliasTarget(path: string): SchemaType | undefined {
    const target = this.#aliases.get(path)
    return target === undefined ? undefined : this.paths.get(target)
  }

  /** The schema path an alias stands for, or the path itself. */
  resolveAlias(path: string): string {
    return this.#aliases.get(path) ?? path
  }

  /** The SchemaType for a path, looking inside document arrays and subdocuments (`items.price`). */
  deepPath(path: string): SchemaType | undefined {
    const direct = this.paths.get(path)
    if (direct) return direct
    const parts = path.split('.')
    for (let i = parts.length - 1; i > 0; i--) {
      const head = parts.slice(0, i).join('.')
      const type = this.paths.get(head)
      if (!type) continue
      let rest = parts.slice(i)
      if (/^\d+$/.test(rest[0]) || rest[0] === '$' || rest[0].startsWith('$[')) rest = rest.slice(1)
      if (type instanceof ArrayType) {
        if (rest.length === 0) return type.isDocumentArray ? undefined : (type.caster as SchemaType)
        return type.isDocumentArray ? deepPathIn(type.subschemas(), rest.join('.')) : undefined
      }
      if (type instanceof EmbeddedType)
        return rest.length === 0 ? type : deepPathIn(type.subschemas(), rest.join('.'))
      if (type instanceof MapType) return rest.length <= 1 ? type.of : undefined
      return undefined
    }
    return undefined
  }
}

/** The first of `schemas` (a base and its embedded discriminators) that types `path`. */
function deepPathIn(schemas: readonly Schema[], path: string): SchemaType | undefined {
  for (const schema of schemas) {
    const found = schema.deepPath(path)
    if (found) return found
  }
  return undefined
}
