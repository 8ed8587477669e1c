/**
 * Arrays on documents behave like mongoose's MongooseArray / DocumentArray: `push`, `unshift`,
 * `splice`, `addToSet` and `set` cast what they add with the path's type (document arrays build
 * subdocuments with their `_id` and defaults), and `pull`, `remove` and `id()` work by value or `_id`.
 * The array stays a real Array (the prototype is swapped in place, no copy), so change tracking by
 * diffing keeps working and the stored form is unaffected.
 */
import type { ArrayType } from '../schema/compound-types.js'
import { isPlainObject } from '../values/bson.js'
import { deepEqual } from './diff.js'
import type { Document } from './document.js'
import { toSubdocument } from './subdocument.js'

const TYPE = Symbol('memgoose.arrayType')
const OWNER = Symbol('memgoose.arrayOwner')
const NESTED = Symbol('memgoose.arrayNested')

interface Tagged {
  [TYPE]: ArrayType
  [OWNER]: unknown
  [NESTED]?: boolean
}

function castAll(arr: unknown[], items: unknown[], start: number): unknown[] {
  const self = arr as unknown as Tagged
  const type = self[TYPE]
  return items.map((item, i) => {
    const cast = type.castElement(item, start + i, self[OWNER])
    return type.isDocumentArray ? asSubdocument(arr, type, cast) : cast
  })
}

/** A document array element as a subdocument of the array's owner. */
function asSubdocument(arr: unknown[], type: ArrayType, item: unknown): unknown {
  const tagged = arr as unknown as Tagged
  return toSubdocument(item, {
    schema: type.schemaFor(item),
    owner: tagged[OWNER] as Document,
    array: arr,
    path: type.path,
    nested: tagged[NESTED] === true,
  })
}

function idOf(value: unknown): unknown {
  return isPlainObject(value) && '_id' in value ? value._id : value
}

/** The methods mongoose arrays add; derived arrays (`map`, `filter`) are plain arrays again. */
export class MongooseArray extends Array<unknown> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array
  }

  /** Lets user code and plugins tell document arrays apart, as mongoose's flag does. */
  get isMongooseArray(): boolean {
    return true
  }

  /** True for arrays of subdocuments. */
  get isMongooseDocumentArray(): boolean {
    return (this as unknown as Tagged)[TYPE].isDocumentArray
  }

  override push(...items: unknown[]): number {
    return super.push(...castAll(this, items, this.length))
  }

  override unshift(...items: unknown[]): number {
    return super.unshift(...castAll(this, items, 0))
  }

  override splice(start: number, deleteCount?: number, ...items: unknown[]): unknown[] {
    if (deleteCount === undefined && items.length === 0) return super.splice(start)
    return super.splice(start, deleteCount ?? 0, ...castAll(this, items, start))
  }

  /** Pushes each value not already present (by value, or by `_id` for subdocuments); returns those added. */
  addToSet(...items: unknown[]): unknown[] {
    const added: unknown[] = []
    for (const item of castAll(this, items, this.length)) {
      if (!this.some((existing) => deepEqual(existing, item))) {
        super.push(item)
        added.push(item)
      }
    }
    return added
  }

  /** Removes every element equal to one of `values` (subdocuments match by `_id`). */
  pull(...values: unknown[]): this {
    const type = (this as unknown as Tagged)[TYPE]
    const targets = values.map((v) => (type.isDocumentArray ? idOf(v) : safeCast(this, v)))
    for (let i = this.length - 1; i >= 0; i--) {
      const key = type.isDocumentArray ? idOf(this[i]) : this[i]
      if (targets.some((t) => deepEqual(key, t))) Array.prototype.splice.call(this, i, 1)
    }
    return this
  }

  /** mongoose's alias of pull(). */
  remove(...values: unknown[]): this {
    return this.pull(...values)
  }

  /** Sets the element at `index`, casting it (subdocuments are built for document arrays). */
  set(index: number, value: unknown): this {
    this[index] = castAll(this, [value], index)[0]
    return this
  }

  /** The subdocument whose `_id` equals `id` (document arrays), or null. */
  id(id: unknown): unknown {
    const wanted = idOf(id)
    return (
      this.find((item) => deepEqual(idOf(item), wanted) || String(idOf(item)) === String(id)) ??
      null
    )
  }

  /** Casts a value to a new element without adding it (mongoose's `DocumentArray#create`). */
  create(value: unknown): unknown {
    return castAll(this, [value], this.length)[0]
  }

  /** A plain copy of the array. */
  toObject(): unknown[] {
    return Array.from(this)
  }
}

function safeCast(arr: unknown[], value: unknown): unknown {
  try {
    return castAll(arr, [value], 0)[0]
  } catch {
    return value
  }
}

/**
 * Turns a document's own array into a MongooseArray for `type` (in place; no-op when already one).
 * `nested` marks an array inside a subdocument, whose `type.path` is relative to that subdocument.
 */
export function wrapArray(
  arr: unknown[],
  type: ArrayType,
  owner: unknown,
  nested = false
): MongooseArray {
  if (arr instanceof MongooseArray) return arr
  Object.setPrototypeOf(arr, MongooseArray.prototype)
  Object.defineProperty(arr, TYPE, { value: type, enumerable: false, configurable: true })
  Object.defineProperty(arr, OWNER, { value: owner, enumerable: false, configurable: true })
  if (nested) Object.defineProperty(arr, NESTED, { value: true, enumerable: false })
  if (type.isDocumentArray)
    for (let i = 0; i < arr.length; i++) arr[i] = asSubdocument(arr, type, arr[i])
  return arr as MongooseArray
}
