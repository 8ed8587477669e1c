/**
 * Loads memgoose and the optional packages. A package that is missing, unbuilt or fails to load
 * becomes a skip reason printed in place of its numbers, never a crash of the whole run.
 * `--source` loads memgoose (and the backends) from their TypeScript sources through tsx, which
 * needs no build and gives readable stack frames when profiling.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** The memgoose module (public API). */
export type Memgoose = typeof import('memgoose')

/** What a backend package gives the benchmark: its `backend` object, or why it is unavailable. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; reason: string }

const here = dirname(fileURLToPath(import.meta.url))
const packagesDir = join(here, '..', '..', '..', 'packages')
const require = createRequire(import.meta.url)

function sourceEntry(pkg: string): string {
  return pathToFileURL(join(packagesDir, pkg, 'src', 'index.ts')).href
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] : String(error)
}

/** memgoose itself: the built package, or its sources with `source`. */
export async function loadMemgoose(source: boolean): Promise<Memgoose> {
  return (await import(source ? sourceEntry('memgoose') : 'memgoose')) as Memgoose
}

/** Imports a package by name; the reason says whether it is absent, unbuilt or broken. */
export async function loadPackage<T = Record<string, unknown>>(
  pkg: string,
  source = false
): Promise<Loaded<T>> {
  let root: string
  try {
    root = dirname(require.resolve(`${pkg}/package.json`))
  } catch {
    return { ok: false, reason: `${pkg} not installed` }
  }
  if (source && existsSync(join(root, 'src', 'index.ts'))) {
    try {
      return { ok: true, value: (await import(sourceEntry(pkg))) as T }
    } catch (error) {
      return { ok: false, reason: `${pkg} sources failed to load: ${describe(error)}` }
    }
  }
  try {
    return { ok: true, value: (await import(pkg)) as T }
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (
      code === 'ERR_MODULE_NOT_FOUND' &&
      existsSync(join(root, 'src')) &&
      !existsSync(join(root, 'dist'))
    ) {
      return { ok: false, reason: `${pkg} not built (npm run build, or pass --source)` }
    }
    return { ok: false, reason: `${pkg} failed to load: ${describe(error)}` }
  }
}
