/**
 * SchemaType: what a schema knows about one path — its type (and how to cast to it), validators,
 * default, getters/setters and index options. Arrays, maps and subdocuments are SchemaTypes too
 * (see compound-types.ts).
 */
import { CastError } from '../errors/index.js'
import {
  CastFailure,
  castBigInt,
  castBoolean,
  castBuffer,
  castDate,
  castDecimal128,
  castNumber,
  castObjectId,
  castString,
  castUUID,
} from './cast-primitives.js'
import {
  buildValidators,
  type Validator,
  type ValidatorFn,
  type ValidatorMessage,
} from './validators.js'

/** Getter/setter signature: `this` is the document (or query for update setters). */
export type Transform = (this: any, value: any, ...rest: any[]) => unknown

/** Caster of one primitive type. */
type Caster = (value: unknown) => unknown

const PRIMITIVES: Record<string, Caster> = {
  String: castString,
  Number: castNumber,
  Boolean: castBoolean,
  Date: castDate,
  ObjectId: castObjectId,
  Buffer: castBuffer,
  Decimal128: castDecimal128,
  UUID: castUUID,
  BigInt: castBigInt,
  Mixed: (value) => value,
}

/** The names of the primitive schema types. */
export const PRIMITIVE_TYPES = Object.keys(PRIMITIVES)

/** One typed path of a schema. */
export class SchemaType {
  /** Full dot path, e.g. `'profile.score'`. */
  readonly path: string
  /** `path` split on dots, computed once. */
  readonly pathParts: readonly string[]
  /** mongoose's type name: `'String'`, `'Number'`, `'ObjectId'`, `'Array'`, `'Embedded'`, `'Map'`, `'Mixed'`, ... */
  readonly instance: string
  /** The options given in the definition (`required`, `min`, `ref`, `index`, ...). */
  readonly options: Record<string, unknown>
  readonly validators: Validator[]
  readonly getters: Transform[] = []
  readonly setters: Transform[] = []
  /** The primitive caster of `instance`, looked up once (compound types override `cast`). */
  readonly #caster: Caster | undefined
  /** The primitive caster when `cast` is the plain one (not a compound type's override). */
  readonly #direct: Caster | undefined

  constructor(path: string, instance: string, options: Record<string, unknown>) {
    this.#caster = PRIMITIVES[instance]
    this.#direct = this.cast === SchemaType.prototype.cast ? this.#caster : undefined
    this.path = path
    this.pathParts = path.split('.')
    this.instance = instance
    this.options = options
    this.validators = buildValidators(options, instance)
    if (typeof options.get === 'function') this.getters.push(options.get as Transform)
    if (typeof options.set === 'function') this.setters.push(options.set as Transform)
    if (instance === 'String') {
      if (options.trim) this.setters.push((v) => (typeof v === 'string' ? v.trim() : v))
      if (options.lowercase) this.setters.push((v) => (typeof v === 'string' ? v.toLowerCase() : v))
      if (options.uppercase) this.setters.push((v) => (typeof v === 'string' ? v.toUpperCase() : v))
    }
  }

  /** Casts a value to this type; null/undefined pass through. Throws CastError with this path. */
  cast(value: unknown, _doc?: unknown): unknown {
    if (value === null || value === undefined) return value
    try {
      return (this.#caster as Caster)(value)
    } catch (err) {
      throw this.castError(value, err)
    }
  }

  /** Runs setters (in definition order) then casts — what assigning a value does. */
  applySetters(value: unknown, doc: unknown, priorValue?: unknown): unknown {
    if (this.setters.length === 0) {
      // Bulk casting's path: a primitive type's caster without the generic layers.
      const direct = this.#direct
      if (direct === undefined) return this.cast(value, doc)
      if (value === null || value === undefined) return value
      try {
        return direct(value)
      } catch (err) {
        throw this.castError(value, err)
      }
    }
    let v = value
    if (this.setters.length > 0 && v !== null && v !== undefined && this.instance === 'String') {
      v = this.cast(v, doc)
    }
    // mongoose's setter signature: (value, priorValue, schemaType).
    for (const setter of this.setters) v = setter.call(doc, v, priorValue, this)
    return this.cast(v, doc)
  }

  /** Runs getters (in definition order) — what reading a value with getters on does. */
  applyGetters(value: unknown, doc: unknown): unknown {
    let v = value
    for (const getter of this.getters) v = getter.call(doc, v, this)
    return v
  }

  /** The default value for a new document, or undefined when there is none. */
  getDefault(doc: unknown): unknown {
    const def = this.options.default
    if (def === undefined) return undefined
    const value = typeof def === 'function' ? (def as (this: unknown) => unknown).call(doc) : def
    return value === undefined ? undefined : this.cast(cloneDefault(value), doc)
  }

  /** Wraps a cast failure in a mongoose-shaped CastError for this path. */
  castError(value: unknown, err: unknown): CastError {
    if (err instanceof CastError) return err
    const reason = err instanceof CastFailure ? undefined : (err as Error)
    return new CastError(
      this.instance === 'ObjectId' ? 'ObjectId' : this.instance,
      value,
      this.path,
      reason
    )
  }

  /** True when this path is excluded from query results unless selected (`select: false`). */
  get excludedByDefault(): boolean {
    return this.options.select === false
  }

  /**
   * Adds a validator: `schema.path('email').validate(fn, 'Invalid {VALUE}')`, or a
   * `{ validator, message }` object; `fn` may be async.
   */
  validate(validator: ValidatorFn | object, message?: ValidatorMessage, type?: string): this {
    const spec = typeof validator === 'function' ? { validator, message, type } : validator
    this.validators.push(...buildValidators({ validate: spec }, this.instance))
    return this
  }

  /** Makes the path required (or not): `schema.path('name').required(true, 'Name please')`. */
  required(required: unknown = true, message?: string): this {
    for (let i = this.validators.length - 1; i >= 0; i--) {
      if (this.validators[i].type === 'required') this.validators.splice(i, 1)
    }
    this.options.required = message === undefined ? required : [required, message]
    this.validators.unshift(...buildValidators({ required: this.options.required }, this.instance))
    return this
  }

  /** Adds a getter (run after the ones from the definition). */
  get(fn: Transform): this {
    this.getters.push(fn)
    return this
  }

  /** Adds a setter (run after the ones from the definition). */
  set(fn: Transform): this {
    this.setters.push(fn)
    return this
  }

  /** True when the path has a `required` validator (mongoose's `isRequired`). */
  get isRequired(): boolean {
    return this.validators.some((v) => v.type === 'required')
  }

  /**
   * Embedded discriminators exist only on subdocument paths (document arrays and single nested
   * schemas override this); anywhere else it is a schema mistake worth a clear message.
   */
  discriminator(_name: string, _schema: object, _value?: string): object {
    throw new TypeError(`\`${this.path}\` holds no subdocuments, so it cannot have discriminators`)
  }
}

function cloneDefault(value: unknown): unknown {
  if (Array.isArray(value)) return value.slice()
  if (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return { ...(value as object) }
  }
  return value
}
