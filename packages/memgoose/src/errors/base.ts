/**
 * The error classes memgoose throws. Every error has a stable string `code` (safe to switch on) and a
 * `name` set on the prototype, and keeps the underlying error as `cause` when there is one.
 */

/** Base class of every error memgoose throws on purpose. */
export class MemgooseError extends Error {
  /** Stable machine-readable identifier, e.g. `'UNKNOWN_OPERATOR'`. */
  readonly code: string | number

  constructor(code: string | number, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
MemgooseError.prototype.name = 'MemgooseError'

/** A filter, update, projection, sort or pipeline that is malformed or uses an unknown operator. */
export class QueryError extends MemgooseError {}
QueryError.prototype.name = 'QueryError'

/** The request asked for something this engine or this build cannot do. */
export class NotSupportedError extends MemgooseError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('NOT_SUPPORTED', message, options)
  }
}
NotSupportedError.prototype.name = 'NotSupportedError'

/** A value or name that could be used to pollute prototypes or escape a directory. */
export class UnsafeInputError extends MemgooseError {}
UnsafeInputError.prototype.name = 'UnsafeInputError'

/**
 * A unique index rejected a write. Shaped like the MongoDB driver's error so code written for mongoose
 * (`err.code === 11000`, `err.keyValue`) keeps working.
 */
export class DuplicateKeyError extends MemgooseError {
  /** The fields of the violated index, as in the index specification. */
  readonly keyPattern: Record<string, 1 | -1>
  /** The values that collided. */
  readonly keyValue: Record<string, unknown>
  /** Name of the violated index. */
  readonly indexName: string
  /** For multi-document writes: position (in the write's input) of the document that failed. */
  index?: number

  constructor(
    collection: string,
    index: string,
    keyPattern: Record<string, 1 | -1>,
    keyValue: Record<string, unknown>
  ) {
    super(
      11000,
      `E11000 duplicate key error collection: ${collection} index: ${index} dup key: ${describeKey(keyValue)}`
    )
    this.indexName = index
    this.keyPattern = keyPattern
    this.keyValue = keyValue
  }
}
DuplicateKeyError.prototype.name = 'MongoServerError'

function describeKey(keyValue: Record<string, unknown>): string {
  const parts = Object.entries(keyValue).map(([k, v]) => `${k}: ${JSON.stringify(v) ?? String(v)}`)
  return `{ ${parts.join(', ')} }`
}

/** The backend package for a storage name is not installed. */
export class StorageNotInstalledError extends MemgooseError {
  constructor(storage: string, packageName: string, options?: { cause?: unknown }) {
    super(
      'STORAGE_NOT_INSTALLED',
      `storage '${storage}' needs the package ${packageName}: npm install ${packageName}`,
      options
    )
  }
}
StorageNotInstalledError.prototype.name = 'StorageNotInstalledError'

/** Another process (or connection) holds the data directory. */
export class LockedError extends MemgooseError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('LOCKED', message, options)
  }
}
LockedError.prototype.name = 'LockedError'

/** Stored data failed an integrity check. `file` and `offset` say where, when known. */
export class CorruptionError extends MemgooseError {
  readonly file?: string
  readonly offset?: number

  constructor(
    message: string,
    where: { file?: string; offset?: number } = {},
    options?: { cause?: unknown }
  ) {
    super('CORRUPTION', message, options)
    this.file = where.file
    this.offset = where.offset
  }
}
CorruptionError.prototype.name = 'CorruptionError'

/** A model name was registered twice with different schemas (mongoose's OverwriteModelError). */
export class OverwriteModelError extends MemgooseError {
  constructor(name: string) {
    super('OVERWRITE_MODEL', `Cannot overwrite \`${name}\` model once compiled.`)
  }
}
OverwriteModelError.prototype.name = 'OverwriteModelError'

/** `getModel(name)` for a name nobody registered (mongoose's MissingSchemaError). */
export class MissingSchemaError extends MemgooseError {
  constructor(name: string) {
    super('MISSING_SCHEMA', `Schema hasn't been registered for model "${name}".`)
  }
}
MissingSchemaError.prototype.name = 'MissingSchemaError'

/** `orFail()` found nothing, or `save()` found its document gone. */
export class DocumentNotFoundError extends MemgooseError {
  readonly filter: unknown

  constructor(filter: unknown, modelName?: string) {
    super(
      'DOCUMENT_NOT_FOUND',
      `No document found for query "${safeStringify(filter)}"${modelName ? ` on model "${modelName}"` : ''}`
    )
    this.filter = filter
  }
}
DocumentNotFoundError.prototype.name = 'DocumentNotFoundError'

/** Optimistic concurrency: the document changed since it was loaded (mongoose's VersionError). */
export class VersionError extends MemgooseError {
  readonly version: number
  readonly modifiedPaths: string[]

  constructor(id: unknown, version: number, modifiedPaths: string[]) {
    super(
      'VERSION_ERROR',
      `No matching document found for id "${String(id)}" version ${version} modifiedPaths "${modifiedPaths.join(', ')}"`
    )
    this.version = version
    this.modifiedPaths = modifiedPaths
  }
}
VersionError.prototype.name = 'VersionError'

/** An operation used a closed database or engine. */
export class ClosedError extends MemgooseError {
  constructor(what: string) {
    super('CLOSED', `${what} is closed`)
  }
}
ClosedError.prototype.name = 'ClosedError'

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

/**
 * Some documents of an insertMany/bulkWrite failed (mongoose's MongoBulkWriteError): `writeErrors`
 * lists each failure with its input position; `insertedDocs` holds what was written.
 */
export class BulkWriteError extends MemgooseError {
  readonly writeErrors: { index: number; code: number | string; errmsg: string; err: Error }[]
  readonly insertedDocs: unknown[]
  readonly result: Record<string, unknown>

  constructor(
    writeErrors: { index: number; code: number | string; errmsg: string; err: Error }[],
    insertedDocs: unknown[],
    result: Record<string, unknown>
  ) {
    super(
      writeErrors[0]?.code ?? 'BULK_WRITE_ERROR',
      writeErrors[0]?.errmsg ?? 'bulk write failed',
      {
        cause: writeErrors[0]?.err,
      }
    )
    this.writeErrors = writeErrors
    this.insertedDocs = insertedDocs
    this.result = result
  }
}
BulkWriteError.prototype.name = 'MongoBulkWriteError'
