// One vitest run for the whole monorepo. Workspace packages resolve to their TypeScript sources, so tests
// never depend on a stale build; the JSON report feeds the `N passed, N failed` line of `.ci/run`.
//
// The model-level corpus runs once per backend: the `core` project on the memory engine, then again
// with MEMGOOSE_TEST_STORAGE set for every persistent backend present in the workspace.
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url))

/** The tests that go through the public model API only, and so must pass on every backend. */
const corpus = [
  'packages/memgoose/test/model/**/*.test.ts',
  'packages/memgoose/test/bad-input/**/*.test.ts',
  'packages/memgoose/test/connection/ttl.test.ts',
  'packages/memgoose/test/aggregate/model/**/*.test.ts',
]

/** Backends whose package exists here and exports a storage `backend` (the engine has landed). */
const backends = ['sqlite', 'wiredtiger', 'file'].filter((name) => {
  const index = src(`./packages/memgoose-${name}/src/index.ts`)
  return existsSync(index) && /\bbackend\b/.test(readFileSync(index, 'utf8'))
})

export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^memgoose\/testing\/random$/,
        replacement: src('./packages/memgoose/src/testing/random.ts'),
      },
      { find: /^memgoose\/testing$/, replacement: src('./packages/memgoose/src/testing/index.ts') },
      { find: /^memgoose$/, replacement: src('./packages/memgoose/src/index.ts') },
      { find: /^memgoose-file$/, replacement: src('./packages/memgoose-file/src/index.ts') },
      { find: /^memgoose-sqlite$/, replacement: src('./packages/memgoose-sqlite/src/index.ts') },
      {
        find: /^memgoose-wiredtiger$/,
        replacement: src('./packages/memgoose-wiredtiger/src/index.ts'),
      },
    ],
  },
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: [
            'packages/*/test/**/*.test.ts',
            'apps/*/test/**/*.test.ts',
            'examples/test/**/*.test.ts',
          ],
        },
      },
      ...backends.map((name) => ({
        extends: true,
        test: { name: `corpus-${name}`, include: corpus, env: { MEMGOOSE_TEST_STORAGE: name } },
      })),
    ],
  },
})
