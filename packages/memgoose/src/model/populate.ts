/**
 * Populate: replaces reference ids with the referenced documents. Each path (per level, per target
 * model) costs one batched `$in` query, never one query per document.
 */
import { MissingSchemaError, QueryError } from '../errors/index.js'
import { ArrayType } from '../schema/compound-types.js'
import type { SchemaType } from '../schema/schema-type.js'
import { isPlainObject } from '../values/bson.js'
import { encodeKey } from '../values/keystring.js'
import { Document } from './document.js'
import type { ModelClass } from './model-types.js'

/** One populate request, normalised. */
export interface PopulateSpec {
  path: string
  select?: unknown
  match?: Record<string, unknown>
  model?: string | ModelClass
  options?: { sort?: unknown; limit?: number; skip?: number; lean?: boolean }
  perDocumentLimit?: number
  populate?: unknown
  justOne?: boolean
  strictPopulate?: boolean
}

/** Normalises `'a b'`, `['a', { path: 'b' }]` and `{ path: 'a b', ... }` into one spec per path. */
export function normalizePopulate(input: unknown): PopulateSpec[] {
  if (input === undefined || input === null) return []
  if (typeof input === 'string')
    return input
      .split(/\s+/)
      .filter(Boolean)
      .map((path) => ({ path }))
  if (Array.isArray(input)) return input.flatMap(normalizePopulate)
  if (isPlainObject(input) && typeof input.path === 'string') {
    return input.path
      .split(/\s+/)
      .filter(Boolean)
      .map((path) => ({ ...(input as unknown as PopulateSpec), path }))
  }
  throw new QueryError(
    'BAD_POPULATE',
    'populate() takes a path string, an options object or an array of them'
  )
}

type Doc = Record<string, unknown>

/** Reads the raw values of a path on a result (document or lean object). */
function valuesOf(target: unknown): Doc {
  return target instanceof Document ? target._doc : (target as Doc)
}

/** Populates `docs` (documents or lean objects) in place. */
export async function populateDocuments(
  model: ModelClass,
  docs: unknown[],
  specs: unknown,
  ctx: { lean: boolean; session?: unknown }
): Promise<void> {
  for (const spec of normalizePopulate(specs)) {
    const virtual = model.schema.virtuals.get(spec.path)
    if (virtual?.isPopulate) await populateVirtual(model, docs, spec, virtual.options, ctx)
    else await populatePath(model, docs, spec, ctx)
  }
}

function resolveModel(model: ModelClass, ref: unknown, doc?: unknown): ModelClass {
  let target = ref
  if (typeof target === 'function' && !(target as { modelName?: string }).modelName) {
    target = (target as (this: unknown, doc: unknown) => unknown).call(doc, doc)
  }
  if (typeof target === 'string') return model.$__model.host.model(target) as ModelClass
  if (typeof target === 'function' && (target as { modelName?: string }).modelName)
    return target as ModelClass
  throw new MissingSchemaError(String(ref))
}

/** Splits `'items.product'` into the array holder and the rest when the path runs through a document array. */
function splitArrayPath(
  model: ModelClass,
  path: string
): { holder: string; rest: string } | undefined {
  const parts = path.split('.')
  for (let i = 1; i < parts.length; i++) {
    const head = parts.slice(0, i).join('.')
    const type = model.schema.paths.get(head)
    if (type instanceof ArrayType && type.isDocumentArray)
      return { holder: head, rest: parts.slice(i).join('.') }
  }
  return undefined
}

/** Locations holding refs: `(container, key)` pairs so results can be written back in place. */
function refSlots(doc: Doc, model: ModelClass, path: string): { obj: Doc; key: string }[] {
  const nested = splitArrayPath(model, path)
  if (nested) {
    const arr = readDotted(doc, nested.holder)
    if (!Array.isArray(arr)) return []
    return arr.flatMap((item) => (isPlainObject(item) ? slotAt(item, nested.rest) : []))
  }
  return slotAt(doc, path)
}

function slotAt(obj: Doc, path: string): { obj: Doc; key: string }[] {
  const parts = path.split('.')
  let cur: unknown = obj
  for (let i = 0; i < parts.length - 1; i++) {
    cur = isPlainObject(cur) ? cur[parts[i]] : undefined
    if (cur === undefined) return []
  }
  return isPlainObject(cur) ? [{ obj: cur, key: parts[parts.length - 1] }] : []
}

function readDotted(obj: Doc, path: string): unknown {
  let cur: unknown = obj
  for (const part of path.split('.')) cur = isPlainObject(cur) ? cur[part] : undefined
  return cur
}

const ranks = new WeakMap<Map<string, unknown>, Map<unknown, number>>()

/** Positions of fetched documents in the (sorted) query result; `byId` keeps result order. */
function rankOf(byId: Map<string, unknown>): Map<unknown, number> {
  let rank = ranks.get(byId)
  if (!rank) {
    rank = new Map()
    for (const value of byId.values()) rank.set(value, rank.size)
    ranks.set(byId, rank)
  }
  return rank
}

function idKey(value: unknown): string {
  return encodeKey([value instanceof Document ? value._doc._id : value])
}

async function fetch(
  target: ModelClass,
  field: string,
  ids: unknown[],
  spec: PopulateSpec,
  ctx: { lean: boolean; session?: unknown }
): Promise<unknown[]> {
  const filter = { ...(spec.match ?? {}), [field]: { $in: ids } }
  let q = target.find(filter)
  if (spec.select !== undefined) {
    q = q.select(spec.select as string | Record<string, unknown>)
    // Results are matched back on `field`, so an inclusive select must keep it (mongoose adds it too).
    const projection = q.projection() ?? {}
    const inclusive = Object.entries(projection).some(
      ([k, v]) => k !== '_id' && (v === 1 || v === true)
    )
    if (inclusive && field !== '_id') q = q.select({ [field]: 1 })
  }
  if (spec.options?.sort !== undefined) q = q.sort(spec.options.sort)
  if (spec.options?.skip !== undefined) q = q.skip(spec.options.skip)
  if (spec.options?.limit !== undefined) q = q.limit(spec.options.limit)
  if (spec.populate !== undefined) q = q.populate(spec.populate)
  if (ctx.session) q = q.session(ctx.session)
  if (ctx.lean || spec.options?.lean) q = q.lean()
  return q.exec()
}

async function populatePath(
  model: ModelClass,
  docs: unknown[],
  spec: PopulateSpec,
  ctx: { lean: boolean; session?: unknown }
): Promise<void> {
  const type: SchemaType | undefined =
    model.schema.deepPath(spec.path) ?? model.schema.paths.get(spec.path)
  const elementType =
    type instanceof ArrayType && !type.isDocumentArray ? (type.caster as SchemaType) : type
  const ref = spec.model ?? elementType?.options.ref ?? type?.options.ref
  const refPath = elementType?.options.refPath ?? type?.options.refPath
  if (ref === undefined && refPath === undefined) {
    if (spec.strictPopulate === false) return
    throw new QueryError(
      'STRICT_POPULATE',
      `Cannot populate path \`${spec.path}\` because it is not in your schema. Set the \`strictPopulate\` option to false to override.`
    )
  }
  // Group ids by target model (refPath can point each document at a different model).
  const groups = new Map<ModelClass, { ids: Map<string, unknown> }>()
  const slots: { slot: { obj: Doc; key: string }; target: ModelClass; owner: unknown }[] = []
  for (const owner of docs) {
    const values = valuesOf(owner)
    for (const slot of refSlots(values, model, spec.path)) {
      const refName = refPath !== undefined ? readDotted(values, String(refPath)) : ref
      const target = resolveModel(model, refName, owner)
      const group = groups.get(target) ?? { ids: new Map() }
      groups.set(target, group)
      const raw = slot.obj[slot.key]
      for (const id of Array.isArray(raw) ? raw : [raw])
        if (id !== null && id !== undefined)
          group.ids.set(idKey(id), id instanceof Document ? id._doc._id : id)
      slots.push({ slot, target, owner })
    }
  }
  const found = new Map<ModelClass, Map<string, unknown>>()
  for (const [target, group] of groups) {
    const results =
      group.ids.size === 0 ? [] : await fetch(target, '_id', [...group.ids.values()], spec, ctx)
    found.set(target, new Map(results.map((r) => [idKey(valuesOf(r)._id), r])))
  }
  for (const { slot, target, owner } of slots) {
    const byId = found.get(target)!
    const raw = slot.obj[slot.key]
    if (owner instanceof Document && !owner.$__.populated.has(spec.path))
      owner.$__.populated.set(spec.path, raw)
    if (Array.isArray(raw)) {
      let list = raw.map((id) => byId.get(idKey(id))).filter((d) => d !== undefined)
      // With a sort, mongoose orders each array as the query returned it, not as the ids were stored.
      if (spec.options?.sort !== undefined) {
        const rank = rankOf(byId)
        list.sort((a, b) => rank.get(a)! - rank.get(b)!)
      }
      if (spec.perDocumentLimit !== undefined) list = list.slice(0, spec.perDocumentLimit)
      slot.obj[slot.key] = list
    } else if (raw !== null && raw !== undefined) {
      slot.obj[slot.key] = byId.get(idKey(raw)) ?? null
    }
  }
}

async function populateVirtual(
  model: ModelClass,
  docs: unknown[],
  spec: PopulateSpec,
  options: Record<string, unknown>,
  ctx: { lean: boolean; session?: unknown }
): Promise<void> {
  const target = resolveModel(model, spec.model ?? options.ref)
  const localField = String(options.localField)
  const foreignField = String(options.foreignField)
  const justOne = spec.justOne ?? options.justOne === true
  const ids = new Map<string, unknown>()
  for (const owner of docs) {
    const local = readDotted(valuesOf(owner), localField)
    for (const id of Array.isArray(local) ? local : [local])
      if (id !== undefined && id !== null) ids.set(idKey(id), id)
  }
  const merged: PopulateSpec = {
    ...spec,
    match: { ...((options.match as Doc) ?? {}), ...(spec.match ?? {}) },
    options: { ...((options.options as Doc) ?? {}), ...(spec.options ?? {}) },
  }
  const results =
    ids.size === 0 ? [] : await fetch(target, foreignField, [...ids.values()], merged, ctx)
  for (const owner of docs) {
    const local = readDotted(valuesOf(owner), localField)
    const keys = new Set((Array.isArray(local) ? local : [local]).map(idKey))
    let list = results.filter((r) => {
      const f = readDotted(valuesOf(r), foreignField)
      return (Array.isArray(f) ? f : [f]).some((v) => keys.has(idKey(v)))
    })
    if (spec.perDocumentLimit !== undefined) list = list.slice(0, spec.perDocumentLimit)
    const value = options.count ? list.length : justOne ? (list[0] ?? null) : list
    if (owner instanceof Document) {
      owner.$__.populated.set(spec.path, undefined)
      Object.defineProperty(owner, spec.path, {
        value,
        enumerable: false,
        configurable: true,
        writable: true,
      })
    } else (owner as Doc)[spec.path] = value
  }
}
