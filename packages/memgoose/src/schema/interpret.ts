/**
 * Reads mongoose's path definition forms (`String`, `{ type: String, required: true }`, `[String]`,
 * `[subSchema]`, nested `Schema`, `{ type: Map, of: Number }`, `Schema.Types.*`, type names as strings)
 * into a type name plus options.
 */
import { isPlainObject } from '../values/bson.js'

/** The result of reading a definition: a typed leaf, or a nested object of further definitions. */
export type Interpreted =
  | { kind: 'leaf'; instance: string; options: Record<string, unknown> }
  | { kind: 'array'; element: unknown; options: Record<string, unknown> }
  | { kind: 'embedded'; schema: unknown; options: Record<string, unknown> }
  | { kind: 'map'; of: unknown; options: Record<string, unknown> }
  | { kind: 'nested'; definition: Record<string, unknown> }

const NAME_ALIASES: Record<string, string> = {
  string: 'String',
  number: 'Number',
  boolean: 'Boolean',
  bool: 'Boolean',
  date: 'Date',
  objectid: 'ObjectId',
  oid: 'ObjectId',
  schemaobjectid: 'ObjectId',
  buffer: 'Buffer',
  mixed: 'Mixed',
  object: 'Mixed',
  decimal128: 'Decimal128',
  decimal: 'Decimal128',
  uuid: 'UUID',
  bigint: 'BigInt',
  array: 'Array',
  map: 'Map',
  int32: 'Number',
  double: 'Number',
}

/** Maps a constructor or a type name to mongoose's instance name, or undefined if unknown. */
export function typeName(type: unknown): string | undefined {
  if (typeof type === 'function') return NAME_ALIASES[type.name.toLowerCase()]
  if (typeof type === 'string') return NAME_ALIASES[type.toLowerCase()]
  return undefined
}

/** True for Schema instances (duck-typed so copies of memgoose interoperate). */
export function isSchema(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { $isSchema?: boolean }).$isSchema === true
  )
}

/** Reads one path definition. `typeKey` is the schema's `typeKey` option (default `'type'`). */
export function interpret(def: unknown, typeKey = 'type'): Interpreted {
  if (isSchema(def)) return { kind: 'embedded', schema: def, options: {} }
  if (Array.isArray(def))
    return { kind: 'array', element: def.length > 0 ? def[0] : undefined, options: {} }
  if (isPlainObject(def)) {
    const type = def[typeKey]
    const isTypeDefinition =
      type !== undefined &&
      !(isPlainObject(type) && typeof (type as Record<string, unknown>)[typeKey] !== 'undefined')
    if (!isTypeDefinition) {
      return Object.keys(def).length === 0
        ? { kind: 'leaf', instance: 'Mixed', options: {} }
        : { kind: 'nested', definition: def }
    }
    const options = { ...def }
    delete options[typeKey]
    if (isSchema(type)) return { kind: 'embedded', schema: type, options }
    if (Array.isArray(type))
      return { kind: 'array', element: type.length > 0 ? type[0] : undefined, options }
    if (isPlainObject(type)) {
      return Object.keys(type).length === 0
        ? { kind: 'leaf', instance: 'Mixed', options }
        : { kind: 'embedded', schema: type, options }
    }
    const name = typeName(type)
    if (name === 'Map') return { kind: 'map', of: def.of, options }
    if (name === 'Array') return { kind: 'array', element: undefined, options }
    if (name === undefined)
      throw new TypeError(
        `Invalid schema configuration: \`${String((type as { name?: string }).name ?? type)}\` is not a valid type`
      )
    return { kind: 'leaf', instance: name, options }
  }
  const name = typeName(def)
  if (name === 'Map') return { kind: 'map', of: undefined, options: {} }
  if (name === 'Array') return { kind: 'array', element: undefined, options: {} }
  if (name === undefined)
    throw new TypeError(`Invalid schema configuration: \`${String(def)}\` is not a valid type`)
  return { kind: 'leaf', instance: name, options: {} }
}
