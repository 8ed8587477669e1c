// Shared test helpers: temporary homes, byte keys, child processes running TypeScript fixtures.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll } from 'vitest'

export const packageRoot = fileURLToPath(new URL('..', import.meta.url))

const dirs: string[] = []
const children = new Set<ChildProcess>()

// Registered once per test file (at import, so at the file's root): hooks registered inside a test
// would never run.
afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** A fresh temporary directory, removed after the file's tests. */
export function tempDir(prefix = 'mgwt-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  dirs.push(dir)
  return dir
}

/** Bytes of a string. */
export const b = (text: string): Buffer => Buffer.from(text)

/** Fixed-width key `k00000042`, so byte order is numeric order. */
export const key = (i: number): Buffer => Buffer.from(`k${String(i).padStart(8, '0')}`)

/** A compressible value derived from `i`. */
export const value = (i: number): Buffer => Buffer.from(`value-${i}-`.repeat(20))

/**
 * Runs test/fixtures/<name>.ts in a child node process (TypeScript through tsx). A child still
 * running when the file's tests end (a failed or timed-out test) is killed.
 */
export function spawnFixture(name: string, args: string[], nodeArgs: string[] = []): ChildProcess {
  const script = fileURLToPath(new URL(`./fixtures/${name}.ts`, import.meta.url))
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], {
    cwd: packageRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  child.on('exit', () => children.delete(child))
  return child
}

/** Resolves with the child's exit code (or signal) and everything it printed. */
export function finished(
  child: ChildProcess
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  )
}
