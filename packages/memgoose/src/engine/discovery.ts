/**
 * Backend discovery: `storage: 'sqlite'` loads the package `memgoose-sqlite` on first use. Only a
 * "module not found" for that very package becomes StorageNotInstalledError (with the npm command);
 * any other load failure — a missing native binary, an ABI mismatch, a missing dependency of the
 * backend — is re-thrown as it is, so its real cause is never hidden.
 */
import { MemgooseError, StorageNotInstalledError } from '../errors/index.js'
import type { StorageBackend } from './contract.js'
import { memoryBackend } from './memory/index.js'

/** Loads a module by specifier; injectable so tests can simulate load failures. */
export type ModuleImporter = (specifier: string) => Promise<unknown>

const defaultImporter: ModuleImporter = (specifier) => import(specifier)

const STORAGE_NAME = /^[a-z][a-z0-9-]{0,63}$/

/** True when `err` says that `pkg` itself (not one of its dependencies) could not be found. */
export function isMissingPackage(err: unknown, pkg: string): boolean {
  const e = err as { code?: string; message?: string } | undefined
  if (!e || typeof e.message !== 'string') return false
  if (e.code !== 'ERR_MODULE_NOT_FOUND' && e.code !== 'MODULE_NOT_FOUND') return false
  const quoted = new RegExp(`Cannot find (?:package|module) ['"]${pkg}['"]`)
  return quoted.test(e.message)
}

/** Resolves a storage name to its backend, loading `memgoose-<name>` when needed. */
export async function loadBackend(
  name: string,
  importer: ModuleImporter = defaultImporter
): Promise<StorageBackend> {
  if (name === 'memory') return memoryBackend as StorageBackend
  if (!STORAGE_NAME.test(name)) {
    throw new MemgooseError(
      'INVALID_STORAGE',
      `Invalid storage name "${name}": use 'memory', 'file', 'sqlite', 'wiredtiger' or a backend object`
    )
  }
  const pkg = `memgoose-${name}`
  let mod: unknown
  try {
    mod = await importer(pkg)
  } catch (err) {
    if (isMissingPackage(err, pkg)) throw new StorageNotInstalledError(name, pkg, { cause: err })
    throw err
  }
  const backend =
    (mod as { backend?: StorageBackend; default?: { backend?: StorageBackend } }).backend ??
    (mod as { default?: { backend?: StorageBackend } }).default?.backend
  if (!backend || typeof backend.createEngine !== 'function') {
    throw new MemgooseError(
      'BAD_BACKEND',
      `The package ${pkg} does not export a memgoose storage backend (\`backend\`)`
    )
  }
  return backend
}
