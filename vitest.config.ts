// One vitest run for the whole monorepo. Workspace packages resolve to their TypeScript sources, so tests
// never depend on a stale build; the JSON report feeds the `N passed, N failed` line of `.ci/run`.
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  resolve: {
    alias: [
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
    include: [
      'packages/*/test/**/*.test.ts',
      'apps/*/test/**/*.test.ts',
      'examples/test/**/*.test.ts',
    ],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.vitest-results.json' }]],
  },
})
