/**
 * Virtual paths: computed properties with getters and setters, and virtual populate definitions
 * (`ref`, `localField`, `foreignField`, `justOne`, `count`).
 */

/** Virtual getter: `this` is the document. The document is also passed first (memgoose's documented form). */
export type VirtualGetter = (this: any, doc: any, virtual: VirtualType, self: any) => unknown
/** Virtual setter: `this` is the document. */
export type VirtualSetter = (this: any, value: any, virtual: VirtualType, doc: any) => void

/** One virtual path of a schema. */
export class VirtualType {
  readonly path: string
  readonly options: Record<string, unknown>
  readonly getters: VirtualGetter[] = []
  readonly setters: VirtualSetter[] = []

  constructor(path: string, options: Record<string, unknown> = {}) {
    this.path = path
    this.options = options
  }

  /** Adds a getter. Both `get(function () { return this.x })` and `get(doc => doc.x)` work. */
  get(fn: VirtualGetter): this {
    this.getters.push(fn)
    return this
  }

  /** Adds a setter, called with the assigned value and `this` bound to the document. */
  set(fn: VirtualSetter): this {
    this.setters.push(fn)
    return this
  }

  /** Computes the virtual for a document. */
  applyGetters(doc: unknown): unknown {
    let value: unknown = undefined
    for (const getter of this.getters) value = getter.call(doc, doc, this, doc)
    return value
  }

  /** Assigns the virtual on a document. */
  applySetters(value: unknown, doc: unknown): void {
    for (const setter of this.setters) setter.call(doc, value, this, doc)
  }

  /** True when this virtual is a virtual-populate definition. */
  get isPopulate(): boolean {
    return this.options.ref !== undefined && this.options.localField !== undefined
  }
}
