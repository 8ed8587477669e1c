/**
 * Casting compiled per input shape, for bulk inserts.
 *
 * A bulk insert casts thousands of objects that almost always share one shape: the same keys in
 * the same order. For such a shape this module generates (with `new Function`) a function that
 * checks an input has exactly that shape and builds the cast object, its top level as one object
 * literal. It does what castObject's generic walk does for those keys — each value goes through
 * its SchemaType's `applySetters`, so setters and casting rules are the same — but the literal
 * gives the output its final layout at once, and V8 can allocate objects from one literal site
 * straight into the old generation. On 100,000 documents that halves the cost of casting them.
 *
 * Any input the compiled function is not sure about (another key order, an unknown or alias key,
 * an `undefined` value, a nested value that is not a plain object) makes it return undefined, and
 * the caller casts that input the generic way. Nothing is compiled where code generation is not
 * allowed (`--disallow-code-generation-from-strings`); everything then takes the generic way.
 *
 * Safety of the generated code: it embeds only property names, as JSON string literals, and only
 * names the schema declares (schemas reject `__proto__`, `constructor` and `prototype`; the
 * compiler refuses them too). Input values never reach the code, only the compiled function.
 */
import { levelsOf, type Level } from './cast-levels.js'
import type { Schema } from './schema.js'
import type { SchemaType } from './schema-type.js'

/** Casts an input of the compiled shape, or returns undefined for any other input. */
export type ShapeCast = (input: Record<string, unknown>) => Record<string, unknown> | undefined

/** Most keys on one level a shape may have; wider objects take the generic way. */
const MAX_KEYS = 64
/** Most shapes compiled per schema; inputs of further shapes take the generic way. */
const MAX_SHAPES = 16
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])
const hasOwn = Object.prototype.hasOwnProperty

/** A level of one input shape: its keys in order, each a typed value or a nested level. */
interface ShapeLevel {
  readonly keys: readonly string[]
  readonly outKeys: readonly string[]
  readonly items: readonly (SchemaType | ShapeLevel)[]
}

/** The compiled shapes of one schema. */
interface SchemaShapes {
  readonly root: Level
  readonly byShape: Map<string, ShapeCast | null>
}

const cache = new WeakMap<Schema, SchemaShapes>()
let codegen = true

/**
 * Casts plain inputs of one schema, compiling each new input shape once. Holds the last shape
 * used, so a stream of same-shaped inputs costs one guard per input.
 */
export class ShapeCaster {
  readonly #schema: Schema
  readonly #idFirst: boolean
  readonly #trailing: readonly string[]
  #last: ShapeCast | undefined

  /**
   * `idFirst`: the output starts with `_id` (undefined when the input has none), as MongoDB stores
   * it. `trailing`: keys the caller will add after applying defaults (version key, timestamps).
   * The output has a place for those and for missing defaulted paths, holding undefined until they
   * are set: objects that get their last keys later would keep them outside the object, costing
   * memory and speed on every read.
   */
  constructor(schema: Schema, idFirst: boolean, trailing: readonly string[] = []) {
    this.#schema = schema
    this.#idFirst = idFirst
    this.#trailing = trailing
  }

  /** The cast of `input` (defaults not applied), or undefined: cast it the generic way. */
  cast(input: Record<string, unknown>): Record<string, unknown> | undefined {
    const last = this.#last
    if (last !== undefined) {
      const out = last(input)
      if (out !== undefined) return out
    }
    const compiled = this.#compiled(input)
    if (compiled === undefined) return undefined
    this.#last = compiled
    return compiled(input)
  }

  #compiled(input: Record<string, unknown>): ShapeCast | undefined {
    if (!codegen) return undefined
    const root = levelsOf(this.#schema)
    let shapes = cache.get(this.#schema)
    if (shapes === undefined || shapes.root !== root) {
      shapes = { root, byShape: new Map() }
      cache.set(this.#schema, shapes)
    }
    const shape = shapeOf(root, input, 0)
    if (shape === undefined) return undefined
    const tail = this.#tail(shape)
    const key = JSON.stringify([this.#idFirst, tail, signature(shape)])
    let compiled = shapes.byShape.get(key)
    if (compiled === undefined) {
      if (shapes.byShape.size >= MAX_SHAPES) return undefined
      compiled = compile(shape, this.#idFirst, tail)
      shapes.byShape.set(key, compiled)
    }
    return compiled ?? undefined
  }

  /**
   * The keys after the input's: the top-level keys of defaulted paths the shape lacks, in the order
   * applyDefaults adds them, then the trailing keys.
   */
  #tail(shape: ShapeLevel): string[] {
    const taken = new Set(shape.outKeys)
    if (this.#idFirst) taken.add('_id')
    const tail: string[] = []
    const add = (key: string): void => {
      if (taken.has(key) || FORBIDDEN.has(key)) return
      taken.add(key)
      tail.push(key)
    }
    for (const type of this.#schema.defaultedPaths) add(type.pathParts[0])
    for (const key of this.#trailing) add(key)
    return tail
  }
}

/** The shape of `input` at `level`, or undefined when some key or value is not for compiling. */
function shapeOf(level: Level, input: unknown, depth: number): ShapeLevel | undefined {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined
  if (depth > 8) return undefined
  const keys: string[] = []
  const outKeys: string[] = []
  const items: (SchemaType | ShapeLevel)[] = []
  const obj = input as Record<string, unknown>
  for (const key in obj) {
    if (!hasOwn.call(obj, key) || keys.length === MAX_KEYS || FORBIDDEN.has(key)) return undefined
    const field = level.fields.get(key)
    if (field === undefined || FORBIDDEN.has(field.outKey) || obj[key] === undefined)
      return undefined
    keys.push(key)
    outKeys.push(field.outKey)
    if (field.type !== undefined) items.push(field.type)
    else {
      const child = field.level && shapeOf(field.level, obj[key], depth + 1)
      if (child === undefined) return undefined
      items.push(child)
    }
  }
  return { keys, outKeys, items }
}

function signature(shape: ShapeLevel): unknown[] {
  return shape.keys.map((key, i) => {
    const item = shape.items[i]
    return 'keys' in item ? [key, signature(item)] : key
  })
}

/** Generates the ShapeCast of `shape`; null when code generation is not allowed. */
function compile(shape: ShapeLevel, idFirst: boolean, tail: readonly string[]): ShapeCast | null {
  const keyLists: (readonly string[])[] = []
  const types: SchemaType[] = []
  const lines: string[] = []
  const literal = level(shape, 'input', lines, keyLists, types, idFirst, tail)
  const body = [
    '"use strict";',
    'return function shapeCast(input) {',
    ...lines,
    `  return ${literal};`,
    '};',
  ].join('\n')
  try {
    const factory = new Function('hasOwn', 'K', 'T', body) as (
      has: typeof hasOwn,
      keyLists: (readonly string[])[],
      types: SchemaType[]
    ) => ShapeCast
    return factory(hasOwn, keyLists, types)
  } catch (err) {
    // Code generation from strings is disallowed: generic casting everywhere from now on.
    if (err instanceof EvalError) {
      codegen = false
      return null
    }
    throw err
  }
}

/**
 * Emits the guard and the casts of one level (into `lines`, in input order, the order generic
 * casting runs them, so the same first error is thrown) and returns its object literal. `obj` is
 * the variable holding the level's input; variables are named after their place in the shape.
 */
function level(
  shape: ShapeLevel,
  obj: string,
  lines: string[],
  keyLists: (readonly string[])[],
  types: SchemaType[],
  idFirst: boolean,
  tail: readonly string[] = []
): string {
  const k = keyLists.push(shape.keys) - 1
  const n = shape.keys.length
  const count = `n${k}`
  lines.push(
    `  if (typeof ${obj} !== "object" || ${obj} === null || Array.isArray(${obj})) return undefined;`,
    `  let ${count} = 0;`,
    `  for (const key in ${obj}) {`,
    `    if (${count} === ${n} || key !== K[${k}][${count}] || !hasOwn.call(${obj}, key)) return undefined;`,
    `    ${count}++;`,
    '  }',
    `  if (${count} !== ${n}) return undefined;`
  )
  const props: string[] = []
  let id: string | undefined
  shape.keys.forEach((key, i) => {
    const value = `${obj}_${i}`
    lines.push(`  const ${value} = ${obj}[${JSON.stringify(key)}];`)
    lines.push(`  if (${value} === undefined) return undefined;`)
    const item = shape.items[i]
    const cast = `${value}_cast`
    if ('keys' in item) {
      lines.push(`  const ${cast} = ${level(item, value, lines, keyLists, types, false)};`)
    } else {
      lines.push(`  const ${cast} = T[${types.push(item) - 1}].applySetters(${value});`)
    }
    const outKey = shape.outKeys[i]
    if (idFirst && outKey === '_id') id = cast
    else props.push(`${JSON.stringify(outKey)}: ${cast}`)
  })
  if (idFirst) props.unshift(`"_id": ${id ?? 'undefined'}`)
  for (const key of tail) props.push(`${JSON.stringify(key)}: undefined`)
  if (obj === 'input') return `{ ${props.join(', ')} }`
  // Nested objects are built key by key. From a literal, V8 would keep their doubles (a score, a
  // price) in boxes of their own, which every later read unboxes: scans of a bulk-loaded
  // collection measured 10-15% slower that way.
  const out = `${obj}_out`
  lines.push(`  const ${out} = {};`)
  for (const prop of props) {
    const colon = prop.indexOf(': ')
    lines.push(`  ${out}[${prop.slice(0, colon)}] = ${prop.slice(colon + 2)};`)
  }
  return out
}
