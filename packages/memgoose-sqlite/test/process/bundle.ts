/**
 * Builds a fixture script (TypeScript, importing the engine and the core from source) into one
 * plain ES module under this package's node_modules/.cache, so child processes start with plain
 * `node` in milliseconds and resolve better-sqlite3 like the package does.
 */
import { spawn } from 'node:child_process'
import { rmSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const outDir = here('../../node_modules/.cache/memgoose-sqlite-fixtures')
const built = new Map<string, Promise<string>>()

/** Deletes the bundles built by this process. */
export async function cleanFixtures(): Promise<void> {
  for (const file of built.values()) rmSync(await file, { force: true })
  built.clear()
}

/** The path of the bundled fixture `name` (test/process/fixtures/<name>.ts), built once per run. */
export function fixture(name: string): Promise<string> {
  let out = built.get(name)
  if (out === undefined) {
    const outfile = `${outDir}/${name}-${process.pid}.mjs`
    out = build({
      entryPoints: [here(`./fixtures/${name}.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: ['better-sqlite3'],
      alias: { memgoose: here('../../../memgoose/src/index.ts') },
      logLevel: 'silent',
    }).then(() => outfile)
    built.set(name, out)
  }
  return out
}

/** Starts `node <fixture> <json args>` with extra node flags. */
export async function run(
  name: string,
  args: unknown,
  nodeFlags: string[] = []
): Promise<ChildProcess> {
  const file = await fixture(name)
  return spawn(process.execPath, [...nodeFlags, file, JSON.stringify(args)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

/** Resolves with the exit code/signal and everything the child printed. */
export function finished(
  child: ChildProcess
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()))
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  )
}
