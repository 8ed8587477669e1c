/**
 * Property accessors on a model's prototype, one per top-level schema path, nested object and virtual,
 * so `doc.name` reads (with getters) and `doc.name = x` casts through `doc.set`.
 */
import type { Schema } from '../schema/schema.js'
import { ArrayType, EmbeddedType } from '../schema/compound-types.js'
import { Document } from './document.js'
import { wrapArray } from './mongoose-array.js'
import { singleNested } from './subdocument.js'

/** Names a path may not shadow because documents need them (mongoose reserves the same). */
function isReserved(name: string): boolean {
  return name !== 'id' && name in Document.prototype
}

/** Defines the accessors of `schema` on `proto`. */
export function defineAccessors(proto: object, schema: Schema): void {
  const topLevel = new Set<string>()
  for (const path of schema.paths.keys()) topLevel.add(path.split('.')[0])
  for (const path of schema.nested) topLevel.add(path.split('.')[0])
  for (const name of topLevel) {
    if (isReserved(name)) continue
    const leaf = schema.paths.get(name)
    const isNested = schema.nested.has(name)
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: true,
      get(this: Document) {
        if (isNested) {
          // mongoose always hands back the nested object, so `doc.profile.bio = x` works on new documents.
          let obj = this._doc[name]
          if (obj === undefined) {
            obj = {}
            this._doc[name] = obj
          }
          return obj
        }
        const value = this._doc[name]
        if (leaf instanceof ArrayType && Array.isArray(value)) return wrapArray(value, leaf, this)
        if (leaf instanceof EmbeddedType) return singleNested(this, leaf, value)
        return leaf && leaf.getters.length > 0 ? leaf.applyGetters(value, this) : value
      },
      set(this: Document, value: unknown) {
        this.set(name, value)
      },
    })
  }
  for (const [name, virtual] of schema.virtuals) {
    if (name.includes('.') || topLevel.has(name) || isReserved(name)) continue
    Object.defineProperty(proto, name, {
      configurable: true,
      enumerable: false,
      get(this: Document) {
        return virtual.applyGetters(this)
      },
      set(this: Document, value: unknown) {
        virtual.applySetters(value, this)
      },
    })
  }
}
