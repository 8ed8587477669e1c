/**
 * Plugins and classes applied to schemas: the global plugin registry (`mongoose.plugin`) and
 * `schema.loadClass`, which turns a class's methods, statics and accessors into schema members.
 */
import type { Schema } from './schema.js'

/** A plugin: `fn(schema, options)`. */
export type Plugin = (schema: Schema, options?: unknown) => void

/** Plugins every schema gets when its model is compiled, in registration order. */
export const globalPlugins: [Plugin, unknown][] = []

/** Registers a plugin applied to every schema when its model is compiled (`mongoose.plugin`). */
export function plugin(fn: Plugin, options?: unknown): void {
  globalPlugins.push([fn, options])
}

/** Removes every global plugin (tests). */
export function clearGlobalPlugins(): void {
  globalPlugins.length = 0
}

/** `schema.loadClass(cls)`: methods, statics and getters/setters (as virtuals) of `cls` and its bases. */
export function loadClassInto(schema: Schema, cls: new (...args: any[]) => unknown): void {
  for (
    let proto = cls.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === 'constructor') continue
      const d = Object.getOwnPropertyDescriptor(proto, name)!
      if (typeof d.value === 'function' && !(name in schema.methods)) schema.methods[name] = d.value
      if (d.get || d.set) {
        const v = schema.virtual(name)
        if (d.get) v.get(d.get as never)
        if (d.set) v.set(d.set as never)
      }
    }
  }
  for (let c: any = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    for (const name of Object.getOwnPropertyNames(c)) {
      if (['length', 'name', 'prototype'].includes(name)) continue
      const d = Object.getOwnPropertyDescriptor(c, name)!
      if (typeof d.value === 'function' && !(name in schema.statics)) schema.statics[name] = d.value
    }
  }
}
