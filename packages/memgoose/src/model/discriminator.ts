/**
 * Discriminators: models that share their base model's collection, told apart by a key field
 * (`__t` by default). The child inherits the base's paths, hooks, virtuals, methods and indexes;
 * every query through the child is restricted to its documents.
 */
import { MemgooseError } from '../errors/index.js'
import type { Schema } from '../schema/schema.js'
import type { ModelClass } from './model-types.js'
import { compileModel as compile } from './model.js'

interface DiscriminatorHost {
  registerModel(name: string, model: ModelClass): void
}

/** Creates and registers a discriminator of `base`. */
export function createDiscriminator(
  base: ModelClass,
  name: string,
  schema: Schema,
  value?: string | { value?: string }
): ModelClass {
  const key = (base.schema.options.discriminatorKey as string | undefined) ?? '__t'
  const discValue = typeof value === 'string' ? value : (value?.value ?? name)
  const existing =
    (base as unknown as { discriminators?: Record<string, ModelClass> }).discriminators ?? {}
  if (existing[name])
    throw new MemgooseError(
      'DISCRIMINATOR_EXISTS',
      `Discriminator with name "${name}" already exists`
    )
  if (!base.schema.paths.has(key)) base.schema.add({ [key]: String })
  const merged = base.schema.clone()
  merged.add(schema)
  Object.assign(merged.query, schema.query)
  if (!merged.paths.has(key)) merged.add({ [key]: String })
  const internals = base.$__model
  const child = compile(
    name,
    merged,
    internals.host,
    internals.collectionName,
    { key, value: discValue, base: internals },
    base as unknown as Parameters<typeof compile>[5]
  )
  ;(base as unknown as { discriminators: Record<string, ModelClass> }).discriminators = {
    ...existing,
    [name]: child,
  }
  ;(internals.host as unknown as DiscriminatorHost).registerModel(name, child)
  base.schema.discriminators = { ...(base.schema.discriminators ?? {}), [name]: schema }
  return child
}
