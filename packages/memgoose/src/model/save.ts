/**
 * Document persistence: save() inserts a new document or writes only the modified paths of a loaded
 * one (re-reading the stored version inside the write scope, so concurrent changes to other paths
 * survive), with validation, timestamps, versioning and middleware as in mongoose.
 */
import type { StoredDoc } from '../engine/contract.js'
import { DocumentNotFoundError, VersionError } from '../errors/index.js'
import { timestampNames } from '../schema/schema.js'
import { ArrayType } from '../schema/compound-types.js'
import { cloneValue } from '../values/clone.js'
import { type Document, readPath, storedView, writePath } from './document.js'
import { clearDefaulted } from './document-state.js'
import type { ModelClass } from './model-types.js'
import { resolveTxn } from './session.js'

/** Options of save(). */
export interface SaveOptions {
  validateBeforeSave?: boolean
  session?: unknown
  timestamps?: boolean
}

/** Saves a document (see module comment). Resolves to the document. */
export async function saveDocument<D extends Document>(
  doc: D,
  options: SaveOptions = {}
): Promise<D> {
  const model = doc.constructor as unknown as ModelClass
  const schema = model.schema
  const hooks = schema.s.hooks
  const validate = options.validateBeforeSave ?? schema.options.validateBeforeSave !== false
  if (validate) await doc.validate()
  await hooks.runPre('save', doc, 'document', [options])
  let error: unknown
  try {
    if (doc.$__.isNew) await insertNew(model, doc, options)
    else await writeChanges(model, doc, options)
  } catch (err) {
    error = err
  }
  const finalError = await hooks.runPost('save', doc, 'document', doc, error)
  if (finalError !== undefined) throw finalError
  return doc
}

async function insertNew(model: ModelClass, doc: Document, options: SaveOptions): Promise<void> {
  const internals = model.$__model
  const store = await internals.host.storeFor(internals)
  const txn = await resolveTxn(options.session ?? doc.$__.session, store.engine)
  stampNew(model, doc, options)
  const stored = storedView(doc) as StoredDoc
  await store.insert([stored], txn)
  markSaved(doc, stored)
}

/** Timestamps, version key and discriminator key of a document about to be inserted. */
export function stampNew(
  model: ModelClass,
  doc: Document,
  options: { timestamps?: boolean } = {}
): void {
  stampValues(model, doc._doc, options)
}

/** The same stamps on plain values (lean inserts, which build no document). */
export function stampValues(
  model: ModelClass,
  values: Record<string, unknown>,
  options: { timestamps?: boolean } = {}
): void {
  valueStamper(model, options)(values)
}

/** The names the stamps use, read once from the schema, options and discriminator. */
function stampNames(model: ModelClass, options: { timestamps?: boolean }) {
  const schema = model.schema
  const { createdAt, updatedAt } =
    options.timestamps !== false ? timestampNames(schema) : { createdAt: null, updatedAt: null }
  return { createdAt, updatedAt, vk: schema.options.versionKey, disc: model.$__model.discriminator }
}

/** The keys valueStamper may add, in the order it adds them. */
export function stampedKeys(model: ModelClass, options: { timestamps?: boolean } = {}): string[] {
  const { createdAt, updatedAt, vk, disc } = stampNames(model, options)
  const keys: string[] = []
  if (createdAt) keys.push(createdAt)
  if (updatedAt) keys.push(updatedAt)
  if (vk !== false) keys.push(vk)
  if (disc) keys.push(disc.key)
  return keys
}

/**
 * stampValues with the schema's names and options read once, for stamping many values in a row
 * (each still gets its own timestamp Date, as when stamped one by one).
 */
export function valueStamper(
  model: ModelClass,
  options: { timestamps?: boolean } = {}
): (values: Record<string, unknown>) => void {
  const { createdAt, updatedAt, vk, disc } = stampNames(model, options)
  return (values) => {
    if (createdAt !== null || updatedAt !== null) {
      const now = new Date()
      if (createdAt && values[createdAt] === undefined) values[createdAt] = now
      if (updatedAt && values[updatedAt] === undefined)
        values[updatedAt] = createdAt ? values[createdAt] : now
    }
    if (vk !== false && values[vk] === undefined) values[vk] = 0
    if (disc && values[disc.key] === undefined) values[disc.key] = disc.value
  }
}

/** After a successful write: the stored form becomes the new baseline for change tracking. */
export function markSaved(doc: Document, stored: Record<string, unknown>): void {
  doc.$__.isNew = false
  // Shared with the engine, not copied: neither side ever mutates a stored document in place.
  doc.$__.original = stored
  doc.$__.modified.clear()
  clearDefaulted(doc.$__)
}

async function writeChanges(model: ModelClass, doc: Document, options: SaveOptions): Promise<void> {
  const internals = model.$__model
  const store = await internals.host.storeFor(internals)
  const schema = model.schema
  const direct = doc.directModifiedPaths()
  // Defaults filled in on load are written too (mongoose saves paths in its 'default' state).
  const paths = [...new Set([...direct, ...doc.$__.defaulted])].filter((p) => doc.isSelected(p))
  if (paths.length === 0) return
  const vk = schema.options.versionKey
  const touchesArray = direct.some((p) => schema.paths.get(p) instanceof ArrayType)
  // A document loaded without a version (written outside memgoose) has nothing to compare against.
  const versioned =
    vk !== false &&
    doc._doc[vk] !== undefined &&
    (schema.options.optimisticConcurrency === true || touchesArray)
  if (options.timestamps !== false) {
    const { updatedAt } = timestampNames(schema)
    if (updatedAt && !paths.includes(updatedAt)) {
      doc._doc[updatedAt] = new Date()
      paths.push(updatedAt)
    }
  }
  const view = storedView(doc)
  const sessionTxn = await resolveTxn(options.session ?? doc.$__.session, store.engine)
  const write = async (txn: typeof sessionTxn) => {
    const current = await store.get(doc._doc._id, txn)
    if (!current) throw new DocumentNotFoundError({ _id: doc._doc._id }, model.modelName)
    if (versioned && current[vk as string] !== doc._doc[vk as string]) {
      throw new VersionError(doc._doc._id, Number(doc._doc[vk as string]), paths)
    }
    for (const path of paths) writePath(current, path, cloneValue(readPath(view, path)))
    if (versioned) current[vk as string] = Number(current[vk as string] ?? 0) + 1
    await store.replace(current as StoredDoc, txn)
    return current
  }
  const saved = sessionTxn
    ? await write(sessionTxn)
    : await internals.host.transaction(internals, write)
  if (versioned) doc._doc[vk as string] = saved[vk as string]
  markSaved(doc, saved)
}
