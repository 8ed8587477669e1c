// Shipping: the packed package, with memgoose itself packed beside it, installs and runs on a machine
// with no compiler, from prebuilds/. Everything happens in staging copies of the packages, so the
// build/ and prebuilds/ that other test files are loading are never touched.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { packageRoot, tempDir } from './helpers.js'

const require = createRequire(import.meta.url)
const workspaceRoot = join(packageRoot, '../..')

// A PATH with node, npm and sh only: no gcc, g++, make, python3 or apt-get.
function bareBin(root: string): string {
  const bin = join(root, 'bin')
  mkdirSync(bin)
  symlinkSync(process.execPath, join(bin, 'node'))
  symlinkSync(onPath('npm'), join(bin, 'npm'))
  symlinkSync('/bin/sh', join(bin, 'sh'))
  return bin
}

/** Where `command` lives on the current PATH, symlinks resolved. */
function onPath(command: string): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = join(dir, command)
    if (dir && existsSync(candidate)) return realpathSync(candidate)
  }
  throw new Error(`${command} is not on the PATH`)
}

/** The environment minus npm's lifecycle variables, with `PATH` replaced. */
function env(path: string): NodeJS.ProcessEnv {
  const clean: NodeJS.ProcessEnv = {}
  for (const [name, value] of Object.entries(process.env))
    if (!/^npm_/i.test(name) && name !== 'PATH' && name !== 'NODE_OPTIONS') clean[name] = value
  return { ...clean, PATH: path }
}

function run(command: string, args: string[], cwd: string, path: string): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: env(path), encoding: 'utf8', timeout: 240_000 })
}

function mustRun(command: string, args: string[], cwd: string, path: string): string {
  const result = run(command, args, cwd, path)
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
  return result.stdout
}

// Type errors are `npm run typecheck`'s to report; these tests need the emitted JavaScript.
function compile(tsconfig: string, outDir: string): void {
  const tsc = require.resolve('typescript/bin/tsc')
  const compiled = spawnSync(process.execPath, [tsc, '-p', tsconfig, '--outDir', outDir], {
    encoding: 'utf8',
  })
  if (!existsSync(join(outDir, 'index.js')))
    throw new Error(`tsc emitted nothing:\n${compiled.stdout}\n${compiled.stderr}`)
}

/** Stages the memgoose core package (its peer dependency) for packing. */
function stageMemgoose(stage: string): void {
  const core = join(workspaceRoot, 'packages/memgoose')
  mkdirSync(stage, { recursive: true })
  for (const entry of ['package.json', 'README.md'])
    if (existsSync(join(core, entry))) cpSync(join(core, entry), join(stage, entry))
  compile(join(core, 'tsconfig.build.json'), join(stage, 'dist'))
}

/** True when prebuilds/ holds a binary newer than every native source file. */
function prebuildIsCurrent(prebuilds: string): boolean {
  const binary = join(prebuilds, `${process.platform}-${process.arch}`, 'memgoose-wiredtiger.node')
  if (!existsSync(binary)) return false
  const native = join(packageRoot, 'src/native')
  const sources = [
    join(packageRoot, 'binding.gyp'),
    ...readdirSync(native).map((f) => join(native, f)),
  ]
  const built = statSync(binary).mtimeMs
  return sources.every((source) => statSync(source).mtimeMs <= built)
}

/** Copies what `npm pack` ships into `stage`, with a fresh dist/ and (built if need be) prebuilds/. */
function stagePackage(stage: string): void {
  mkdirSync(stage, { recursive: true })
  for (const entry of ['package.json', 'binding.gyp', 'README.md', 'scripts', 'src/native'])
    cpSync(join(packageRoot, entry), join(stage, entry), { recursive: true })
  compile(join(packageRoot, 'tsconfig.build.json'), join(stage, 'dist'))
  const prebuilds = join(packageRoot, 'prebuilds')
  if (prebuildIsCurrent(prebuilds)) {
    cpSync(prebuilds, join(stage, 'prebuilds'), { recursive: true })
    return
  }
  // Clean checkout (or stale prebuild): build the prebuild here, with the workspace's tools and the
  // package's deps/.
  symlinkSync(join(workspaceRoot, 'node_modules'), join(stage, 'node_modules'))
  const result = spawnSync('npm', ['run', 'prebuildify'], {
    cwd: stage,
    env: { ...process.env, MEMGOOSE_WT_DEPS_DIR: join(packageRoot, 'deps') },
    encoding: 'utf8',
    timeout: 300_000,
  })
  if (result.status !== 0)
    throw new Error(`npm run prebuildify failed:\n${result.stdout}\n${result.stderr}`)
  rmSync(join(stage, 'node_modules'))
  rmSync(join(stage, 'build'), { recursive: true, force: true })
}

// Through memgoose, as a user would: the backend is discovered by name.
const smoke = `
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createDatabase, Schema } from 'memgoose'

const dataPath = mkdtempSync(join(process.cwd(), 'data-'))
const db = await createDatabase({ storage: 'wiredtiger', wiredtiger: { dataPath } })
const User = db.model('User', new Schema({ name: String, age: Number }))
await User.create({ name: 'Ada', age: 36 })
const found = await User.findOne({ name: 'Ada' }).lean()
await db.close()
const require = createRequire(import.meta.url)
const root = dirname(require.resolve('memgoose-wiredtiger/package.json'))
const binary = require('node-gyp-build').path(root)
console.log(JSON.stringify({ value: found.age, binary }))
`

describe('shipping without a compiler', () => {
  let root: string
  let bin: string
  let withPrebuilds: string
  let withoutPrebuilds: string
  let core: string

  beforeAll(() => {
    root = tempDir('mgwt-ship-')
    bin = bareBin(root)
    const stage = join(root, 'stage')
    stagePackage(stage)
    const coreStage = join(root, 'core')
    stageMemgoose(coreStage)
    mkdirSync(join(root, 'packs'))
    const pack = (dir: string) =>
      mustRun('npm', ['pack', '--pack-destination', join(root, 'packs')], dir, bin)
        .trim()
        .split('\n')
        .pop() ?? ''
    withPrebuilds = join(root, 'packs', pack(stage))
    core = join(root, 'packs', pack(coreStage))
    // The same package without prebuilds/, for the negative control.
    rmSync(join(stage, 'prebuilds'), { recursive: true })
    const bare = join(root, 'bare')
    cpSync(stage, bare, { recursive: true })
    mkdirSync(join(root, 'packs-bare'))
    const bareName = mustRun(
      'npm',
      ['pack', '--pack-destination', join(root, 'packs-bare')],
      bare,
      bin
    )
      .trim()
      .split('\n')
      .pop()
    withoutPrebuilds = join(root, 'packs-bare', bareName ?? '')
  }, 400_000)

  /** A fresh project with `tarball` installed; returns the install result. */
  function install(name: string, tarball: string, extra: string[]) {
    const project = join(root, name)
    mkdirSync(project)
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name, private: true, type: 'module' })
    )
    writeFileSync(join(project, 'smoke.mjs'), smoke)
    // memgoose (the peer dependency) from its own tarball: it is not published yet.
    const result = run(
      'npm',
      ['install', core, tarball, '--no-audit', '--no-fund', ...extra],
      project,
      bin
    )
    return { project, result }
  }

  it('has no compiler on the PATH it installs with', () => {
    expect(readdirSync(bin).sort()).toEqual(['node', 'npm', 'sh'])
    expect(
      run('sh', ['-c', 'command -v g++ || command -v make || command -v python3'], root, bin).stdout
    ).toBe('')
  })

  it.each([
    ['normally', []],
    ['with --ignore-scripts', ['--ignore-scripts']],
  ])('installs %s and loads the prebuilt binary', (label, extra) => {
    const { project, result } = install(`app-${extra.length}`, withPrebuilds, extra)
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0)
    const output = mustRun('node', ['smoke.mjs'], project, bin)
    const { value, binary } = JSON.parse(output) as { value: number; binary: string }
    expect(value).toBe(36)
    expect(binary).toContain(join('prebuilds', `${process.platform}-${process.arch}`))
    expect(existsSync(join(project, 'node_modules/memgoose-wiredtiger/build'))).toBe(false)
  })

  it('fails to install without prebuilds/ and a compiler (negative control)', () => {
    const { result } = install('bare-scripts', withoutPrebuilds, [])
    expect(result.status).not.toBe(0)
    // It failed where expected: no prebuild, and nothing to build one with.
    expect(result.stdout + result.stderr).toContain('no prebuilt binary for this platform')
    const { project, result: ignored } = install('bare-ignored', withoutPrebuilds, [
      '--ignore-scripts',
    ])
    expect(ignored.status).toBe(0)
    const smokeRun = run('node', ['smoke.mjs'], project, bin)
    expect(smokeRun.status).not.toBe(0)
    expect(smokeRun.stderr).toMatch(/BINDING_NOT_FOUND|native binary did not load/)
  })
})
