#!/usr/bin/env node
// Finds WiredTiger's headers and static archives (plus snappy, zlib, zstd, lz4) for the native build.
// System paths are tried first; whatever Debian package is missing there is fetched with
// `apt-get download` and unpacked with `dpkg -x` into deps/ (git-ignored), so the build never needs
// a system install. Idempotent: when everything is in place it only stats files.
//
//   node scripts/deps.mjs                 ensure the deps, print where they are
//   node scripts/deps.mjs --gyp-include   ensure, then print include dirs (for binding.gyp)
//   node scripts/deps.mjs --gyp-libs      ensure, then print archives in link order (for binding.gyp)
//
// Environment: MEMGOOSE_WT_DEPS_DIR overrides deps/; MEMGOOSE_WT_NO_SYSTEM_DEPS=1 ignores system paths
// (tests the download path on a machine that has the -dev packages installed).
import { execFileSync, spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const depsDir = resolve(process.env.MEMGOOSE_WT_DEPS_DIR || join(packageRoot, 'deps'))
const useSystem = process.env.MEMGOOSE_WT_NO_SYSTEM_DEPS !== '1'
const mode = process.argv[2] ?? ''
// Output for gyp goes to stdout, so every message goes to stderr.
const log = (message) => process.stderr.write(`memgoose-wiredtiger deps: ${message}\n`)

const triplets = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu' }
const triplet = triplets[process.arch] ?? `${process.arch}-linux-gnu`

// Each Debian package and the files the build takes from it. A package is taken whole from one
// place (system or deps/) so headers and archives always come from the same version.
const packages = [
  {
    name: 'libwiredtiger-dev',
    headers: ['wiredtiger.h', 'wiredtiger_ext.h'],
    archives: ['libwiredtiger.a', 'libwiredtiger_snappy.a', 'libwiredtiger_zlib.a'],
  },
  { name: 'libsnappy-dev', headers: [], archives: ['libsnappy.a'] },
  { name: 'zlib1g-dev', headers: [], archives: ['libz.a'] },
  { name: 'libzstd-dev', headers: ['zstd.h'], archives: ['libzstd.a'] },
  { name: 'liblz4-dev', headers: ['lz4.h'], archives: ['liblz4.a'] },
]

/** Include and library directories under a filesystem root (`/` or the unpacked deps). */
function layout(root) {
  return {
    include: [join(root, 'usr/include'), join(root, 'usr/local/include')],
    lib: [
      join(root, 'usr/lib', triplet),
      join(root, 'usr/lib'),
      join(root, 'usr/local/lib'),
      join(root, 'lib', triplet),
    ],
  }
}

function findIn(dirs, file) {
  for (const dir of dirs) if (existsSync(join(dir, file))) return join(dir, file)
  return undefined
}

/** Locates every file of a package under one root, or returns undefined if any is missing. */
function locate(pkg, root) {
  const { include, lib } = layout(root)
  const found = { includeDirs: new Set(), archives: {} }
  for (const header of pkg.headers) {
    const path = findIn(include, header)
    if (!path) return undefined
    found.includeDirs.add(dirname(path))
  }
  for (const archive of pkg.archives) {
    const path = findIn(lib, archive)
    if (!path) return undefined
    found.archives[archive] = path
  }
  return found
}

const unpackedRoot = join(depsDir, 'root')

function resolveAll() {
  const resolved = new Map()
  const missing = []
  for (const pkg of packages) {
    const found = (useSystem && locate(pkg, '/')) || locate(pkg, unpackedRoot)
    if (found) resolved.set(pkg.name, found)
    else missing.push(pkg.name)
  }
  return { resolved, missing }
}

function run(command, args, options = {}) {
  return spawnSync(command, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    ...options,
  })
}

function aptDownload(names, into) {
  const result = run('apt-get', ['download', ...names], { cwd: into })
  if (result.error) return { ok: false, output: String(result.error.message) }
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` }
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0
}

/** Downloads the missing packages' .deb files and unpacks them into deps/root. */
function fetch(names) {
  const debDir = join(depsDir, 'debs')
  rmSync(debDir, { recursive: true, force: true })
  mkdirSync(debDir, { recursive: true })
  log(`downloading ${names.join(', ')} with apt-get download into ${depsDir}`)
  let attempt = aptDownload(names, debDir)
  if (!attempt.ok && /ENOENT/.test(attempt.output)) {
    throw new Error(
      `apt-get is not available (${attempt.output.trim()}). Install the packages ${names.join(' ')} ` +
        `yourself, or use a prebuilt binary (prebuilds/) instead of building from source.`
    )
  }
  if (!attempt.ok) {
    // A fresh machine has empty package lists until `apt-get update` has run once.
    if (!isRoot()) {
      throw new Error(
        `apt-get download failed:\n${attempt.output.trim()}\n` +
          `Run as root:  apt-get update && apt-get download ${names.join(' ')}  (in ${debDir}),\n` +
          `or install them:  sudo apt-get update && sudo apt-get install -y ${names.join(' ')}`
      )
    }
    log('apt-get download found nothing; running apt-get update once')
    const update = run('apt-get', ['update'])
    if (update.status !== 0)
      throw new Error(`apt-get update failed:\n${update.stdout}${update.stderr}`)
    attempt = aptDownload(names, debDir)
    if (!attempt.ok) throw new Error(`apt-get download failed after update:\n${attempt.output}`)
  }
  // Unpack into a staging folder and rename, so an interrupted run never leaves half a tree.
  const staging = join(depsDir, 'root.partial')
  rmSync(staging, { recursive: true, force: true })
  if (existsSync(unpackedRoot)) renameSync(unpackedRoot, staging)
  else mkdirSync(staging, { recursive: true })
  for (const deb of readdirSync(debDir).filter((file) => file.endsWith('.deb'))) {
    execFileSync('dpkg', ['-x', join(debDir, deb), staging], { stdio: 'inherit' })
  }
  renameSync(staging, unpackedRoot)
  rmSync(debDir, { recursive: true, force: true })
}

/**
 * Both WiredTiger extension archives define `wiredtiger_extension_init`; linking both is a duplicate
 * definition. Copies with that symbol made local keep `snappy_extension_init` / `zlib_extension_init`,
 * which the addon calls itself.
 */
function localizeExtension(source) {
  const libDir = join(depsDir, 'lib')
  const target = join(libDir, source.split('/').pop())
  if (existsSync(target) && statSync(target).mtimeMs >= statSync(source).mtimeMs) return target
  mkdirSync(libDir, { recursive: true })
  const partial = `${target}.partial`
  copyFileSync(source, partial)
  execFileSync('objcopy', ['--localize-symbol=wiredtiger_extension_init', partial], {
    stdio: 'inherit',
  })
  renameSync(partial, target)
  return target
}

function ensure() {
  let { resolved, missing } = resolveAll()
  if (missing.length > 0) {
    fetch(missing)
    ;({ resolved, missing } = resolveAll())
    if (missing.length > 0) throw new Error(`still missing after download: ${missing.join(', ')}`)
  }
  const wt = resolved.get('libwiredtiger-dev')
  const archive = (pkg, name) => resolved.get(pkg).archives[name]
  const includeDirs = new Set()
  for (const found of resolved.values()) for (const dir of found.includeDirs) includeDirs.add(dir)
  return {
    includeDirs: [...includeDirs],
    // Link order: extension archives, then WiredTiger, then the compression libraries they call.
    archives: [
      localizeExtension(wt.archives['libwiredtiger_snappy.a']),
      localizeExtension(wt.archives['libwiredtiger_zlib.a']),
      archive('libwiredtiger-dev', 'libwiredtiger.a'),
      archive('libsnappy-dev', 'libsnappy.a'),
      archive('zlib1g-dev', 'libz.a'),
      archive('libzstd-dev', 'libzstd.a'),
      archive('liblz4-dev', 'liblz4.a'),
    ],
  }
}

try {
  const deps = ensure()
  if (mode === '--gyp-include') process.stdout.write(deps.includeDirs.join(' ') + '\n')
  else if (mode === '--gyp-libs') process.stdout.write(deps.archives.join(' ') + '\n')
  else if (mode === '') {
    log(`include: ${deps.includeDirs.join(' ')}`)
    log(`archives: ${deps.archives.join(' ')}`)
  } else throw new Error(`unknown argument ${mode}; use --gyp-include or --gyp-libs`)
} catch (error) {
  log(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
