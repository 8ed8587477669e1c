/**
 * Builds the SchemaType of one path from its definition: leaves, single nested subdocuments, Maps,
 * arrays of a type and arrays of subdocuments (document arrays).
 */
import { ArrayType, EmbeddedType, MapType } from './compound-types.js'
import { interpret, isSchema } from './interpret.js'
import type { Schema, SchemaDefinition } from './schema.js'
import { SchemaType } from './schema-type.js'

/** What building needs from the schema being defined. */
export interface BuildContext {
  /** The schema's `typeKey` option. */
  readonly typeKey: string
  /** Where sub-schemas are registered (`schema.childSchemas`). */
  readonly childSchemas: { path: string; schema: Schema }[]
  /** Makes a sub-schema from a plain definition (passed in: Schema imports this module). */
  subschema(definition: SchemaDefinition): Schema
}

/** The SchemaType for `path` defined by `definition`. */
export function buildSchemaType(ctx: BuildContext, path: string, definition: unknown): SchemaType {
  const info = interpret(definition, ctx.typeKey)
  switch (info.kind) {
    case 'leaf':
      return new SchemaType(path, info.instance, info.options)
    case 'embedded': {
      const sub = isSchema(info.schema)
        ? (info.schema as Schema)
        : ctx.subschema(info.schema as SchemaDefinition)
      ctx.childSchemas.push({ path, schema: sub })
      return new EmbeddedType(path, sub, info.options)
    }
    case 'map':
      return new MapType(
        path,
        info.of === undefined ? undefined : buildSchemaType(ctx, `${path}.$*`, info.of),
        info.options
      )
    case 'array': {
      const el = info.element
      if (
        isSchema(el) ||
        (el !== null &&
          typeof el === 'object' &&
          !Array.isArray(el) &&
          interpret(el).kind === 'nested')
      ) {
        const sub = isSchema(el) ? (el as Schema) : ctx.subschema(el as SchemaDefinition)
        ctx.childSchemas.push({ path, schema: sub })
        return new ArrayType(path, sub, info.options, true)
      }
      if (el !== null && typeof el === 'object' && !Array.isArray(el)) {
        const inner = interpret(el)
        if (inner.kind === 'embedded') {
          const sub = isSchema(inner.schema)
            ? (inner.schema as Schema)
            : ctx.subschema(inner.schema as SchemaDefinition)
          ctx.childSchemas.push({ path, schema: sub })
          return new ArrayType(path, sub, { ...inner.options, ...info.options }, true)
        }
      }
      const caster =
        el === undefined ? new SchemaType(path, 'Mixed', {}) : buildSchemaType(ctx, path, el)
      return new ArrayType(path, caster, info.options, false)
    }
    default:
      throw new TypeError(`Invalid definition for path \`${path}\``)
  }
}
