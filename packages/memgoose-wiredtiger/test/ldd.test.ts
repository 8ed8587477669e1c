import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { packageRoot } from './helpers.js'

const require = createRequire(import.meta.url)
const binary: string = require('node-gyp-build').path(packageRoot)
const allowed =
  /^(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1|ld-linux[-\w.]*\.so\.\d)$/

describe('the built addon', () => {
  it('needs only libc, libm, libstdc++ and libgcc_s (WiredTiger and compressors are static)', () => {
    const libraries = execFileSync('ldd', [binary], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[0])
      .filter(Boolean)
      .map((path) => path.split('/').pop() as string)
    expect(libraries.filter((name) => !allowed.test(name))).toEqual([])
    const needed = execFileSync('readelf', ['-d', binary], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes('(NEEDED)'))
      .map((line) => /\[(.+)\]/.exec(line)?.[1] ?? line)
    expect(needed).toContain('libc.so.6')
    expect(needed.filter((name) => !allowed.test(name))).toEqual([])
  })
})
