/** Runs an example script as a user would: plain Node + tsx, resolving `memgoose` from node_modules. */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The examples folder. */
export const examplesDir = fileURLToPath(new URL('..', import.meta.url))

/** Runs `file` (relative to the examples folder) and returns what it printed. */
export function runExample(file: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(examplesDir, file), ...args], {
    cwd: examplesDir,
    encoding: 'utf8',
  })
}
