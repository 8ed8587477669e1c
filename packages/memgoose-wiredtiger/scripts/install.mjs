#!/usr/bin/env node
// npm install hook: use a prebuilt binary from prebuilds/ when one loads on this machine; otherwise
// fetch WiredTiger's archives (scripts/deps.mjs) and build from source with node-gyp.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const log = (message) => process.stderr.write(`memgoose-wiredtiger: ${message}\n`)

function prebuiltLoads() {
  if (process.env.MEMGOOSE_WIREDTIGER_BINARY) return true
  try {
    const path = require('node-gyp-build').path(packageRoot)
    require(path)
    log(`using ${path}`)
    return true
  } catch {
    return false
  }
}

// npm hands lifecycle scripts the path of its bundled node-gyp; a devDependency or PATH will do too.
function nodeGypCommand() {
  if (process.env.npm_config_node_gyp) return [process.execPath, process.env.npm_config_node_gyp]
  try {
    return [process.execPath, require.resolve('node-gyp/bin/node-gyp.js')]
  } catch {
    return ['node-gyp']
  }
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: packageRoot, stdio: 'inherit' })
  if (result.error) throw result.error
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`)
}

if (!prebuiltLoads()) {
  log('no prebuilt binary for this platform; building from source')
  try {
    run(process.execPath, [join(packageRoot, 'scripts/deps.mjs')])
    const [command, ...prefix] = nodeGypCommand()
    run(command, [...prefix, 'rebuild', '--jobs', '2'])
  } catch (error) {
    log(`build failed: ${error instanceof Error ? error.message : String(error)}`)
    log('building needs g++, make, python3 and apt-get (or the -dev packages installed)')
    process.exit(1)
  }
}
